/// An error that can be shown to a gestor as it is: its `message` says, in Spanish, what happened
/// and what to do. The command line prints it and exits 1; the interface shows it in its status line.
public protocol UserFacingError: Error {
    var message: String { get }
}

extension StoreError: UserFacingError {}
extension CatalogueError: UserFacingError {}
extension NovedadError: UserFacingError {}
extension SyncError: UserFacingError {}
extension ImageError: UserFacingError {}
