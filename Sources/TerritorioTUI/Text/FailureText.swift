import TerritorioModel

/// An error as one Spanish sentence for the footer: the interface shows failures, it never ends
/// because of one.
enum FailureText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as any UserFacingError: error.message
        case let error as DatabaseError: "error de la base de datos (\(error.message))"
        default: String(describing: error)
        }
    }
}
