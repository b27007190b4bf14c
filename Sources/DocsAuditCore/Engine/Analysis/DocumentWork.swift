/// Work that several document rules need from one document, done on first use and shared by them: the table
/// rows' cell counts (`tables/arity`, `tables/short-row`) and the reference links (`links/undefined-reference`,
/// `links/unused-definition`). One per parsed document; the lock makes a second rule wait for the first's result
/// rather than compute it again.
final class DocumentWork: @unchecked Sendable {
    private let lock = Lock()
    private var tableRows: [TableSource.RowCount]?
    private var referenceLinks: ReferenceLinks?

    /// The rows of the document's recognised tables with their cell counts, computed by `make` once.
    func tableRows(_ make: () -> [TableSource.RowCount]) -> [TableSource.RowCount] {
        lock.withLock {
            if let tableRows { return tableRows }
            let made = make()
            tableRows = made
            return made
        }
    }

    /// The document's reference links and definitions, computed by `make` once.
    func referenceLinks(_ make: () -> ReferenceLinks) -> ReferenceLinks {
        lock.withLock {
            if let referenceLinks { return referenceLinks }
            let made = make()
            referenceLinks = made
            return made
        }
    }
}
