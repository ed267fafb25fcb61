/// Where a database lives: a private in-memory database (tests) or a file.
public enum DatabaseLocation: Sendable, Equatable {
    case inMemory
    case file(path: String)
}
