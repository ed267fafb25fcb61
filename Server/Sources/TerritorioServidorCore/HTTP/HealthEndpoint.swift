import Hummingbird

/// `GET /salud`, without a token, for load balancers: `200` when PostgreSQL and the object store
/// both answer within a few seconds, `503` otherwise, so traffic goes to an instance that can work.
struct HealthEndpoint: Sendable {
    let database: Database
    let objects: any ObjectStore
    static let deadline: Duration = .seconds(5)

    func respond() async throws -> Response {
        let healthy = await Self.within(Self.deadline) {
            try await database.client.query("SELECT 1", logger: database.logger)
            try await objects.check()
        }
        guard healthy else {
            var problem = APIProblem.unavailable()
            problem.headers[.retryAfter] = "5"
            throw problem
        }
        return JSONResponse.make(text: #"{"estado":"ok"}"#)
    }

    /// True when `body` finishes without error before the deadline.
    private static func within(_ deadline: Duration, _ body: @escaping @Sendable () async throws -> Void) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await body()) != nil }
            group.addTask {
                try? await Task.sleep(for: deadline)
                return false
            }
            defer { group.cancelAll() }
            return await group.next() ?? false
        }
    }
}
