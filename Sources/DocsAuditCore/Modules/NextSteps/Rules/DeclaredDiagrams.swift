extension CorpusModel {
    /// The flowcharts the profile declares (`graphs:`), the only ones the general graph rules (cycles, dangling
    /// edges, duplicate nodes, undefined classes, parse errors) check: an ordinary diagram elsewhere is not a
    /// dependency graph, so a cycle in it is no defect.
    var declaredDiagrams: [Diagram] { diagrams.filter(\.declared) }
}
