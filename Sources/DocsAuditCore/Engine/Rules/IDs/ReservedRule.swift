/// An ID reserved by a phrase ("Insert X-23 entry", "reserved as **X-109**") and not defined yet.
struct ReservedRule: Rule {
    let description = RuleDescription(
        id: "ids/reserved", severity: .info,
        summary: "an ID is reserved (a definition-to-be) and not defined yet",
        help: """
        A reservation phrase of the ID's family (`ids.<family>.reservations`, e.g. "Insert X-23 entry" or
        "reserved as **X-109**") names an ID that is about to be created. Other references to it are not
        undefined; the reservation is reported once, where it is first written, until the ID is defined.
        """)

    func check(_ context: LintContext) -> [RuleHit] {
        let definitions = context.definitions
        let frozen = Set(context.corpus.documents.filter(\.frozen).map(\.path))
        var hits: [RuleHit] = []
        for (id, reference) in definitions.reservations.sorted(by: { $0.key < $1.key })
        where !frozen.contains(reference.path) {
            guard let family = context.profile.ids[reference.family],
                  !definitions.isDefined(id, family: family, path: reference.path) else { continue }
            hits.append(RuleHit(path: reference.path, line: reference.line, column: reference.column,
                                message: "\(id) is reserved here and not defined yet", subject: id))
        }
        return hits
    }
}
