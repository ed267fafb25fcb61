/// The gestor using this data directory: the author of every novedad, the taker of every
/// consent, and the server and token sync uses.
public struct Profile: Equatable, Sendable {
    public var name: String?
    /// Entity id.
    public var entity: String?
    public var document: String?
    /// The sync server's base URL (`https://…`, or `http://` to loopback or when allowed).
    public var server: String?
    /// The gestor's Bearer token. Never printed back.
    public var token: String?
    /// Plain HTTP to a non-loopback host was allowed on purpose.
    public var allowsInsecureHTTP: Bool
    /// The interface starts in accessible mode (for screen readers and braille displays) unless
    /// `--accesible` or `TERRITORIO_ACCESIBLE` say otherwise.
    public var accessible: Bool

    public init(name: String? = nil, entity: String? = nil, document: String? = nil, server: String? = nil,
                token: String? = nil, allowsInsecureHTTP: Bool = false, accessible: Bool = false) {
        self.name = name
        self.entity = entity
        self.document = document
        self.server = server
        self.token = token
        self.allowsInsecureHTTP = allowsInsecureHTTP
        self.accessible = accessible
    }

    public var isComplete: Bool { name != nil && entity != nil }

    /// The profile as `perfil --json` prints it: the token only as "configured or not".
    public var json: JSONValue {
        .object([
            ("nombre", .optional(name)),
            ("entidad", .optional(entity)),
            ("documento", .optional(document)),
            ("servidor", .optional(server)),
            ("token_configurado", .bool(token != nil)),
            ("accesible", .bool(accessible)),
        ])
    }
}
