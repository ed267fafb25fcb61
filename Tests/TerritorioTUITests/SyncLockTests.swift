import Foundation
import Testing
import TerritorioTestSupport

extension RealProcessTests {
    /// One sync per data directory: while another process holds `sincronizacion.bloqueo`, a
    /// second `sincronizar` refuses at once (exit 1) and touches nothing; once it is released,
    /// sync proceeds (here to a closed port on loopback).
    @Suite("Sync lock")
    struct SyncLockTests {
        @Test("a second sync of the same data directory refuses with exit 1")
        func secondSyncRefuses() throws {
            let cli = try CLI()
            #expect(try cli.run(["perfil", "--servidor", "http://127.0.0.1:9", "--token", "prueba"]).status == 0)
            let descriptor = open(cli.dataDirectory + "/sincronizacion.bloqueo", O_RDWR | O_CREAT, 0o600)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)

            let refused = try cli.run(["sincronizar"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("Ya hay una sincronización en curso"))

            flock(descriptor, LOCK_UN)
            let after = try cli.run(["sincronizar"])
            #expect(after.status == 1)
            #expect(after.stderr.contains("Sin conexión con el servidor"), "\(after.stderr)")
        }
    }
}
