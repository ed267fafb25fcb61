import Foundation
import Testing
@testable import TerritorioServidorCore
import TerritorioTestSupport

extension ServidorReal {
    /// `GET /salud`, without a token, for load balancers.
    @Suite struct Salud {
        @Test func healthIs200WhileTheStoreAnswersAnd503WhenItCannotBeUsed() async throws {
            let folder = try TemporaryFolder()
            try await TestServer.run(objects: FolderObjectStore(root: folder.path)) { server in
                for path in ["/salud", "/api/v1/salud"] {
                    let healthy = try await HTTPClient.send("GET", server.url(path), token: nil)
                    #expect(healthy.status == 200, "\(path)")
                    #expect(healthy.object?["estado"] as? String == "ok")
                }
                // The store's folder is replaced by a file: the store cannot be used.
                try FileManager.default.removeItem(atPath: folder.path)
                try Data("no es una carpeta".utf8).write(to: URL(fileURLWithPath: folder.path))
                let sick = try await HTTPClient.send("GET", server.url("/salud"), token: nil)
                #expect(sick.status == 503)
                #expect(sick.header("Retry-After") != nil)
            }
        }
    }
}
