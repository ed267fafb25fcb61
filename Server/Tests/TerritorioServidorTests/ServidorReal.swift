import Testing

/// Every test that starts a server or uses PostgreSQL, nested here and run one at a time: they
/// share the machine's two cores and one PostgreSQL, and timing-sensitive waits (a server
/// announcing its port) should not compete with each other.
@Suite(.serialized) struct ServidorReal {}
