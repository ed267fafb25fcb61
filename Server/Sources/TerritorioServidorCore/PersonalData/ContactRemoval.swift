import NIOCore
import PostgresNIO
import TerritorioWire

/// Taking a citizen's contact data out of a stored novedad, and the audit record of it. The body
/// is the only place the server keeps contact data: it is rewritten with `"contacto": null` (the
/// rest as canonical JSON), while the keyed digest of the original bytes stays, so the client's
/// resend of them is still the same novedad with the same radicado.
enum ContactRemoval {
    /// Why contact data left a novedad: the titular asked (`titular suprimir`) or its time ran
    /// out (`purgar`, and `servir`'s background purge).
    enum Cause: String {
        case request = "solicitud"
        case retention = "plazo"
    }

    /// The body without its contact data, or nil when it carries none (nothing to rewrite).
    static func body(withoutContactOf body: ByteBuffer) -> ByteBuffer? {
        guard let document = try? JSONParser.parse(Array(body.readableBytesView)), let members = document.objectValue,
              let contact = document["contacto"], contact != .null else { return nil }
        let withoutContact = members.map { $0.key == "contacto" ? (key: $0.key, value: JSONValue.null) : $0 }
        return ByteBuffer(string: JSONWriter.canonical(.object(withoutContact)))
    }

    /// Records who removed what from which novedad and why — never the data itself.
    static func record(novedadID: String, cause: Cause, user: String, reason: String?, hadContact: Bool, photos: Int,
                       on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.query("""
            INSERT INTO retiros_datos (novedad_id, causa, usuario, motivo, habia_contacto, fotos)
            VALUES (\(novedadID)::uuid, \(cause.rawValue), \(user), \(reason), \(hadContact), \(photos))
            RETURNING id
            """, logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        throw ServerFailure("No quedó el registro de auditoría; no se cambió nada.")
    }
}
