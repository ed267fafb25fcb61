import Foundation
import TerritorioWire

/// Request bodies shaped like the client's: a novedad payload as `Novedad.payload` writes it, and
/// catalogue files derived from the bundled sample.
enum Fixtures {
    static func newID() -> String {
        UUID().uuidString.lowercased()
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hex(of: SHA256.digest(of: Array(data)))
    }

    /// `bytes` bytes that begin with `seed`, so photos of different seeds always differ (a test
    /// must never find a photo it has not sent already there) and a seed gives the same photo in
    /// every run.
    static func photo(_ seed: String, bytes: Int = 2_000) -> Data {
        let label = Array(seed.utf8) + [0]
        return Data((0..<bytes).map { $0 < label.count ? label[$0] : UInt8(truncatingIfNeeded: $0 &* 31) })
    }

    /// A valid payload; `changes` replaces or removes (`NSNull` stays `null`) top-level fields.
    static func novedad(id: String, attachments: [Data] = [], changes: [String: Any?] = [:]) -> Data {
        var payload: [String: Any] = [
            "id": id,
            "tipo": "violencia-intrafamiliar",
            "entidad": "sdmujer",
            "localidad": "kennedy",
            "barrio": "Patio Bonito",
            "direccion": NSNull(),
            "coordenadas": NSNull(),
            "observada_en": "2026-11-20T15:04:05Z",
            "descripcion": "Vecina reporta gritos y golpes en el apartamento 302 desde anoche.",
            "urgencia": "alta",
            "poblaciones": ["mujeres"],
            "contacto": NSNull(),
            "ruta": NSNull(),
            "catalogo_version": "2026.11-muestra",
            "autor": "Ana Pérez",
            "creada_en": "2026-11-20T15:10:00Z",
            "corrige": NSNull(),
            "adjuntos": attachments.enumerated().map { index, data in
                ["sha256": sha256(data), "nombre": "foto-\(index + 1).jpg", "bytes": data.count, "formato": "jpeg"] as [String: Any]
            },
        ]
        for (key, value) in changes {
            payload[key] = value
        }
        return try! JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
    }

    static var sampleCatalogueURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/catalogo-muestra.json")
    }

    static func sampleCatalogue() throws -> [String: Any] {
        let data = try Data(contentsOf: sampleCatalogueURL)
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func routes(of catalogue: [String: Any]) -> [[String: Any]] {
        catalogue["rutas"] as! [[String: Any]]
    }

    /// The sample with route 0's title edited, route 1 deleted and a new version name.
    static func editedCatalogue(newTitle: String) throws -> (file: [String: Any], editedID: String, deletedID: String) {
        var catalogue = try sampleCatalogue()
        var routes = routes(of: catalogue)
        let editedID = routes[0]["id"] as! String
        let deletedID = routes[1]["id"] as! String
        routes[0]["titulo"] = newTitle
        routes.remove(at: 1)
        catalogue["rutas"] = routes
        catalogue["version"] = "2026.12-prueba"
        return (catalogue, editedID, deletedID)
    }

    static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// Writes `data` to a new temporary file and returns its path.
    static func temporaryFile(_ data: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("catalogo-\(UUID().uuidString).json").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
