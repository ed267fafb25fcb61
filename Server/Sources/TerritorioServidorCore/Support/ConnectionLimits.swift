/// How long and how many connections one `servir` process keeps, so slow or stuck clients cannot
/// hold its sockets and memory: each setting comes from an environment variable, in seconds or
/// connections, with a default that suits gestores on mobile links.
public struct ConnectionLimits: Sendable, Equatable {
    /// A connection that sends nothing (between requests, or in the middle of a body) is closed.
    public var idleTimeout: Duration
    /// A new connection must have sent its first request's headers by then.
    public var headerTimeout: Duration
    /// Beyond this many open connections the process stops accepting; the rest wait in the queue.
    public var maximumConnections: Int

    public static let idleVariable = "TERRITORIO_INACTIVIDAD_S"
    public static let headerVariable = "TERRITORIO_CABECERAS_S"
    public static let connectionsVariable = "TERRITORIO_CONEXIONES_MAX"

    public init(idleTimeout: Duration = .seconds(60), headerTimeout: Duration = .seconds(15), maximumConnections: Int = 1_000) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.maximumConnections = maximumConnections
    }

    /// The defaults, replaced by the variables that are set; a value that is not a positive whole
    /// number is refused with its name.
    public init(environment: [String: String]) throws {
        self.init()
        if let seconds = try EnvironmentNumber.positive(Self.idleVariable, in: environment) { idleTimeout = .seconds(seconds) }
        if let seconds = try EnvironmentNumber.positive(Self.headerVariable, in: environment) { headerTimeout = .seconds(seconds) }
        if let count = try EnvironmentNumber.positive(Self.connectionsVariable, in: environment) { maximumConnections = count }
    }
}
