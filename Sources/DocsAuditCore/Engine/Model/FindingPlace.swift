/// Where a finding is (file, line, UTF-8 column): what its code-point column depends on, and how a run's columns
/// are looked up (`Corpus.codePointColumnLookup`, the run memo).
struct FindingPlace: Hashable, Sendable {
    let file: String
    let line: Int
    let column: Int

    init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    init(_ finding: Finding) {
        self.init(file: finding.file, line: finding.line, column: finding.column)
    }
}
