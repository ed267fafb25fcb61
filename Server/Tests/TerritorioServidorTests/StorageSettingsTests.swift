import Foundation
import PostgresNIO
import Testing
import TerritorioWire
@testable import TerritorioServidorCore

/// The cap on incomplete uploads and the days unfinished uploads and unnamed photos are kept,
/// as the environment sets them.
struct StorageSettingsTests {
    @Test func settingsComeFromTheEnvironmentAndBadOnesAreRefused() throws {
        #expect(try StorageSettings(environment: [:]) == StorageSettings())
        #expect(StorageSettings().bytesInIncompleteUploads == 200 * 1024 * 1024)
        #expect(StorageSettings().lifetimes == Maintenance.Lifetimes(uploadDays: 7, photoDays: 7))
        let set = try StorageSettings(environment: ["TERRITORIO_SUBIDAS_MAX_MIB": "50", "TERRITORIO_SUBIDAS_DIAS": "3",
                                                    "TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS": "30"])
        #expect(set == StorageSettings(bytesInIncompleteUploads: 50 * 1024 * 1024, lifetimes: Maintenance.Lifetimes(uploadDays: 3, photoDays: 30)))
        for (name, value) in [("TERRITORIO_SUBIDAS_MAX_MIB", "mucho"), ("TERRITORIO_SUBIDAS_MAX_MIB", "1048577"), ("TERRITORIO_SUBIDAS_DIAS", "0"),
                              ("TERRITORIO_SUBIDAS_DIAS", "7.5"), ("TERRITORIO_SUBIDAS_DIAS", "7\u{1B}[2J"), ("TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS", "-1"),
                              ("TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS", "3651")] {
            #expect { try StorageSettings(environment: [name: value]) } throws: { error in
                guard let message = (error as? ServerFailure)?.message else { return false }
                return message.hasPrefix("\(name) debe ser un número entero entre 1 y")
                    && !message.unicodeScalars.contains { $0.properties.generalCategory == .control }
            }
        }
    }
}

extension ServidorReal {
    /// `servir` and `mantenimiento` as run with these settings.
    @Suite struct AjustesDelAlmacen {
        @Test func badSettingsStopServirAndMantenimientoNamingTheVariable() async throws {
            for (command, name, value) in [("servir", "TERRITORIO_SUBIDAS_MAX_MIB", "muchos"), ("mantenimiento", "TERRITORIO_SUBIDAS_DIAS", "0"),
                                           ("mantenimiento", "TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS", "siete")] {
                let result = try await ServerProcess.run([command], databaseURL: nil, extra: [name: value])
                #expect(result.status == 1, "\(command) \(name)")
                #expect(result.error.contains("\(name) debe ser un número entero"), "\(result.error)")
            }
        }

        @Test func mantenimientoKeepsUnfinishedUploadsAndUnnamedPhotosForTheDaysSet() async throws {
            try await TestServer.run(limits: ServerLimits()) { server in
                let ana = try await server.tokens.create(gestor: "Ana")
                let orphan = Fixtures.photo("sin-novedad", bytes: 30_000)
                let unfinished = Fixtures.photo("sin-terminar", bytes: 200_000)
                #expect(try await HTTPClient.send("PUT", server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(orphan))),
                                                  token: ana, body: orphan).status == 201)
                #expect(try await SubidasPorGestor.patch(server.url(WireProtocol.attachmentPath(sha256: Fixtures.sha256(unfinished))),
                                                         token: ana, body: unfinished.prefix(60_000), offset: 0, length: unfinished.count).status == 204)
                for statement in ["UPDATE subidas SET actualizada_en = now() - interval '2 days'",
                                  "UPDATE adjuntos SET recibido_en = now() - interval '2 days'",
                                  "UPDATE adjuntos_gestores SET recibido_en = now() - interval '2 days'"] {
                    _ = try await server.database.client.query(PostgresQuery(unsafeSQL: statement), logger: server.database.logger)
                }

                let byDefault = try await ServerProcess.run(["mantenimiento"], databaseURL: server.databaseURL)
                #expect(byDefault.status == 0, "\(byDefault.error)")
                #expect(byDefault.output.contains("Subidas vencidas: 0. Fotos sin novedad retiradas: 0. Objetos borrados del almacén: 0."),
                        "\(byDefault.output)")
                let shorter = try await ServerProcess.run(["mantenimiento"], databaseURL: server.databaseURL,
                                                          extra: ["TERRITORIO_SUBIDAS_DIAS": "1", "TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS": "1"])
                #expect(shorter.status == 0, "\(shorter.error)")
                #expect(shorter.output.contains("Subidas vencidas: 1. Fotos sin novedad retiradas: 1. Objetos borrados del almacén: 2."),
                        "\(shorter.output)")
                #expect(try await TestObjects.photo(Fixtures.sha256(orphan), database: server.database) == nil)
            }
        }

        @Test func servirCapsEachGestorsIncompleteUploadsAtTheMebibytesSet() async throws {
            let databaseURL = try await TestDatabase.create()
            let created = try await ServerProcess.run(["token", "crear", "--gestor", "ana", "--nombre", "Ana"], databaseURL: databaseURL)
            try #require(created.status == 0, "\(created.error)")
            let token = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let status = try await ServerProcess.serving(databaseURL: databaseURL, extra: ["TERRITORIO_SUBIDAS_MAX_MIB": "1"]) { url in
                let photo = Fixtures.photo("tope", bytes: 3 * 1024 * 1024)
                let photoURL = url.appendingPathComponent(WireProtocol.attachmentPath(sha256: Fixtures.sha256(photo)))
                let over = try await SubidasPorGestor.patch(photoURL, token: token, body: photo.prefix(1_500_000), offset: 0, length: photo.count)
                #expect(over.status == 507, "1.5 MB held is over 1 MiB")
                #expect(over.problem?.type == ProblemType.uploadSpaceFull)
                let within = try await SubidasPorGestor.patch(photoURL, token: token, body: photo.prefix(500_000), offset: 0, length: photo.count)
                #expect(within.status == 204)
            }
            #expect(status == 0)
        }
    }
}
