import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One sync run (docs/protocolo-sincronizacion.md): preflight → push each due novedad
/// (attachments, then the novedad) → pull statuses → pull the catalogue. Nothing is marked sent
/// without a parsed 2xx; a transient failure leaves the item queued with its error and next
/// retry, one item never blocking the others; only a refusal of the novedad itself rejects it.
public final class SyncRunner {
    private let store: Store
    private let novedades: NovedadStore
    private let http: HTTPClient
    private let server: ServerAddress
    private let token: String
    private let now: @Sendable () -> Date
    /// A uniform number in 0..<1, for the jitter of backoff (injectable so tests are exact).
    private let random: () -> Double
    /// Told, in Spanish, what is being sent: one line per photo and per novedad. Progress is per
    /// file because FoundationNetworking's upload progress callbacks are not relied on.
    private let progress: (String) -> Void

    public init(store: Store, http: HTTPClient, server: ServerAddress, token: String,
                clock: @escaping @Sendable () -> Date = { Date() },
                random: @escaping () -> Double = { Double.random(in: 0..<1) },
                progress: @escaping (String) -> Void = { _ in }) {
        self.store = store
        self.novedades = store.novedades(clock: clock)
        self.http = http
        self.server = server
        self.token = token
        self.now = clock
        self.random = random
        self.progress = progress
    }

    /// Runs once, holding the data directory's sync lock.
    /// - Throws: `SyncError` when the run cannot start (no connection, captive portal, token
    ///   refused at preflight, another sync running); what was done before stays done.
    public func run(ignoringBackoff: Bool) throws -> SyncReport {
        guard let lock = try FileLock.attemptExclusive(path: store.directory.path + "/sincronizacion.bloqueo") else {
            throw SyncError.alreadyRunning
        }
        defer { lock.release() }
        try novedades.recoverInterruptedSends()
        try preflight()
        var report = SyncReport()
        for id in try novedades.due(ignoringBackoff: ignoringBackoff) {
            if let stop = try push(id, into: &report) {
                report.stoppedBecause = stop
                return report
            }
        }
        do {
            report.statusesUpdated = try pullStatuses()
            report.catalogueVersion = try pullCatalogue()
        } catch let error as SyncError {
            report.stoppedBecause = error  // what was pushed stays pushed and reported
            return report
        }
        try store.database.transaction { try SyncState(database: store.database).set(SyncState.lastRun, Timestamp.string(from: now())) }
        return report
    }

    // MARK: - Preflight

    private func preflight() throws {
        let response = try sendForRun("GET", WireProtocol.sessionPath)
        guard response.status == 200 else { throw failure(response) }
        guard response.header("content-type")?.lowercased().hasPrefix("application/json") == true,
              let session = try? JSONDecoder().decode(SessionResponse.self, from: response.body),
              session.servicio == WireProtocol.serviceName else {
            throw SyncError.captivePortal
        }
    }

    // MARK: - Push

    /// Sends one novedad. Returns the error that must stop the whole run (a refused token).
    private func push(_ id: String, into report: inout SyncReport) throws -> SyncError? {
        try novedades.beginSending(id)
        let novedad = try novedades.novedad(id)
        let short = id.prefix(8)
        do {
            for (index, attachment) in novedad.attachments.enumerated() {
                progress("Novedad \(short): foto \(index + 1) de \(novedad.attachments.count) (\(attachment.name), \(attachment.bytes) bytes)…")
                try upload(attachment, of: id, askingFirst: novedad.outbox.attempts > 1)
            }
            progress("Novedad \(short): enviando los datos…")
            let payload = try novedades.frozenPayload(id)
            let put = { try self.sendForItem("PUT", WireProtocol.novedadPath(id: id), body: payload, contentType: "application/json",
                                             digest: SHA256.digest(of: payload)) }
            var response = try put()
            if let missing = Self.missingAttachments(response) {
                // The server lost photos it had confirmed: upload them again, then once more the novedad.
                for attachment in novedad.attachments where missing.contains(attachment.sha256) {
                    progress("Novedad \(short): el servidor no tiene la foto \(attachment.name); se envía de nuevo…")
                    try upload(attachment, of: id, askingFirst: true)
                }
                response = try put()
            }
            switch response.status {
            case 200, 201:
                guard let receipt = try? JSONDecoder().decode(NovedadReceipt.self, from: response.body), receipt.id == id else {
                    throw Outcome.transient("respuesta del servidor no reconocida")
                }
                BlockingPoint.afterReceipt.reach()
                try novedades.recordSent(id, radicado: receipt.radicado)
                report.sent.append((id, receipt.radicado))
            default:
                throw classify(response)
            }
        } catch let outcome as Outcome {
            switch outcome {
            case .transient(let reason), .retryAfter(let reason, _):
                try novedades.recordTransientFailure(id, error: reason, nextAttempt: nextAttempt(after: novedad.outbox.attempts + 1, outcome))
                report.deferred.append((id, reason))
            case .rejected(let reason):
                try novedades.recordRejected(id, reason: reason)
                report.rejected.append((id, reason))
            case .stop(let error):
                try novedades.recordTransientFailure(id, error: error.message, nextAttempt: now())
                report.deferred.append((id, error.message))
                return error
            }
        }
        return nil
    }

    /// Uploads an attachment unless the server already has it, resuming where an interrupted
    /// upload stopped: `HEAD` says how many bytes the server holds (`Upload-Offset`), and `PATCH`
    /// sends only the rest. On a novedad's first attempt nothing of it can be half-sent, so the
    /// `HEAD` is skipped: a photo the server already has is answered `200`, one it holds part of
    /// `409` with its offset. Only an answer that echoes the photo's digest counts as done: a
    /// captive portal's `200` does not.
    private func upload(_ attachment: AttachmentRecord, of id: String, askingFirst: Bool) throws {
        let path = WireProtocol.attachmentPath(sha256: attachment.sha256)
        var held = 0
        if askingFirst {
            let head = try sendForItem("HEAD", path)
            if head.status == 200 {
                guard Self.echoes(attachment.sha256, head) else { throw Outcome.transient("respuesta del servidor no reconocida") }
                return
            }
            guard head.status == 404 else { throw classify(head) }
            held = Self.uploadOffset(head, size: attachment.bytes)
        }
        let file = AttachmentFiles(dataDirectory: store.directory).path(forSHA256: attachment.sha256)
        guard let bytes = FileManager.default.contents(atPath: file).map(Array.init) else {
            throw Outcome.rejected("falta en este equipo la foto \(attachment.name) (\(attachment.sha256.prefix(12)))")
        }
        // A server holding every byte (offset == size) is asked to complete with an empty body.
        var offset = held
        for _ in 0..<2 {  // a 409 names the server's offset: go on from there once
            if offset > 0 { progress("Novedad \(id.prefix(8)): la foto sigue desde el byte \(offset) de \(bytes.count).") }
            let response = try sendForItem("PATCH", path, body: Array(bytes[offset...]), contentType: WireProtocol.uploadContentType,
                                           digest: attachment.digest,
                                           headers: [WireProtocol.uploadOffsetHeader: String(offset),
                                                     WireProtocol.uploadLengthHeader: String(bytes.count)])
            switch response.status {
            case 200, 201:
                guard Self.echoes(attachment.sha256, response) else { throw Outcome.transient("respuesta del servidor no reconocida") }
                return
            case 409 where response.header(WireProtocol.uploadOffsetHeader) != nil:
                offset = Self.uploadOffset(response, size: bytes.count)
            default:
                throw classify(response)
            }
        }
        throw Outcome.transient("la subida de la foto \(attachment.name) no avanzó")
    }

    /// The bytes of the photo the server holds, per its `Upload-Offset` (0 when absent or absurd).
    /// All of them (`size`) is not a reason to stop: the next `PATCH` sends no bytes, only asks
    /// the server to complete the photo.
    private static func uploadOffset(_ response: HTTPClient.Response, size: Int) -> Int {
        guard let offset = response.header(WireProtocol.uploadOffsetHeader).flatMap({ Int($0) }), offset > 0, offset <= size else { return 0 }
        return offset
    }

    /// The server names the attachment's SHA-256 in `Repr-Digest`, as only a Territorio server does.
    private static func echoes(_ sha256: String, _ response: HTTPClient.Response) -> Bool {
        response.header("repr-digest").flatMap(WireProtocol.sha256(fromDigestHeader:)).map(SHA256.hex(of:)) == sha256
    }

    // MARK: - Pull

    /// Status changes of this gestor's novedades since the saved cursor.
    private func pullStatuses() throws -> Int {
        let state = SyncState(database: store.database)
        let cursor = try state.value(SyncState.statusCursor) ?? "0"
        let response = try sendForRun("GET", WireProtocol.statusChangesPath, query: [URLQueryItem(name: "desde", value: cursor)])
        guard response.status == 200 else { throw failure(response) }
        guard let changes = try? JSONDecoder().decode(StatusChanges.self, from: response.body) else {
            throw SyncError.server(status: 200, detail: "la lista de estados no se pudo leer")
        }
        try store.database.transaction {
            for change in changes.cambios {
                try novedades.recordRemoteStatus(change.id, status: change.estado, note: change.nota)
            }
            try state.set(SyncState.statusCursor, changes.cursor)
        }
        return changes.cambios.count
    }

    /// Catalogue changes since the saved cursor, applied with the new cursor in one transaction.
    /// - Returns: the catalogue version now in use, when it changed.
    private func pullCatalogue() throws -> String? {
        let state = SyncState(database: store.database)
        var cursor = try state.value(SyncState.catalogueCursor) ?? "0"
        var response = try sendForRun("GET", WireProtocol.catalogueChangesPath, query: [URLQueryItem(name: "desde", value: cursor)],
                                      headers: ["If-None-Match": "\"\(cursor)\""])
        if response.status == 410 {  // the server no longer has our version: full reload
            cursor = "0"
            response = try sendForRun("GET", WireProtocol.catalogueChangesPath, query: [URLQueryItem(name: "desde", value: "0")])
        }
        if response.status == 304 { return nil }
        guard response.status == 200 else { throw failure(response) }
        let delta: CatalogueDelta
        do {
            delta = try CatalogueDelta(json: try JSONParser.parse(Array(response.body)))
        } catch {
            throw SyncError.invalidCatalogue("la respuesta no es un cambio de catálogo legible")
        }
        guard delta.changesSomething else {
            try store.database.transaction { try state.set(SyncState.catalogueCursor, delta.cursor) }
            return nil
        }
        let catalogue: Catalogue
        do {
            catalogue = try delta.applied(to: try store.catalogue.catalogue())
        } catch let error as CatalogueError {
            throw SyncError.invalidCatalogue(error.message)
        }
        try store.database.transaction {
            try store.catalogue.replace(with: catalogue)
            try state.set(SyncState.catalogueCursor, delta.cursor)
        }
        return catalogue.info.version
    }

    // MARK: - HTTP

    /// What to do with an item after a failed request.
    private enum Outcome: Error {
        case transient(String)
        case retryAfter(String, seconds: Int)
        case rejected(String)
        case stop(SyncError)
    }

    /// A request about one novedad: no answer at all leaves that item queued.
    private func sendForItem(_ method: String, _ path: String, body: [UInt8]? = nil, contentType: String? = nil,
                             digest: [UInt8]? = nil, headers: [String: String] = [:]) throws -> HTTPClient.Response {
        do {
            return try send(method, path, body: body, contentType: contentType, digest: digest, headers: headers)
        } catch {
            throw Outcome.transient(error.description)
        }
    }

    /// A request of the run itself (preflight, pulls): no answer at all means offline.
    private func sendForRun(_ method: String, _ path: String, query: [URLQueryItem] = [],
                            headers: [String: String] = [:]) throws -> HTTPClient.Response {
        do {
            return try send(method, path, query: query, headers: headers)
        } catch {
            throw SyncError.offline(error.description)
        }
    }

    /// Sends a request; a short `Retry-After` is waited out and the same request sent again.
    private func send(_ method: String, _ path: String, query: [URLQueryItem] = [], body: [UInt8]? = nil, contentType: String? = nil,
                      digest: [UInt8]? = nil, headers: [String: String] = [:]) throws(HTTPClient.TransportError) -> HTTPClient.Response {
        var request = URLRequest(url: server.endpoint(path, query: query))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json, application/problem+json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = Data(body)
            request.setValue(contentType ?? "application/octet-stream", forHTTPHeaderField: "Content-Type")
        }
        if let digest { request.setValue(WireProtocol.reprDigest(sha256: digest), forHTTPHeaderField: "Repr-Digest") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        var waits = 0
        while true {
            let response = try http.send(request)
            guard let retryAfter = RetryAfter(response, now: now()), retryAfter.isShort, waits < RetryAfter.waitsPerRequest else {
                return response
            }
            waits += 1
            progress("El servidor pidió esperar \(retryAfter.seconds) s; se reintenta entonces.")
            Thread.sleep(forTimeInterval: TimeInterval(retryAfter.seconds))
        }
    }

    /// The hashes a `409 adjuntos-faltantes` names, or nil for any other answer.
    private static func missingAttachments(_ response: HTTPClient.Response) -> Set<String>? {
        guard response.status == 409, let problem = try? JSONDecoder().decode(Problem.self, from: response.body),
              problem.type == ProblemType.missingAttachments else { return nil }
        return Set(problem.faltantes ?? [])
    }

    /// The error of a failed request about one novedad.
    private func classify(_ response: HTTPClient.Response) -> Outcome {
        let detail = problemDetail(response)
        switch response.status {
        case 401, 403: return .stop(.unauthorized(detail))
        case 400, 409, 413, 422: return .rejected(detail)
        case 429, 503, 507:
            guard let retryAfter = RetryAfter(response, now: now()) else {
                return .transient("el servidor está ocupado (\(response.status))")
            }
            return .retryAfter(retryAfter.reason(from: now()), seconds: retryAfter.seconds)
        default: return .transient("el servidor respondió \(response.status): \(detail)")
        }
    }

    /// The error of a failed preflight or pull: the run cannot go on.
    private func failure(_ response: HTTPClient.Response) -> SyncError {
        switch response.status {
        case 401, 403: .unauthorized(problemDetail(response))
        default: .server(status: response.status, detail: problemDetail(response))
        }
    }

    private func problemDetail(_ response: HTTPClient.Response) -> String {
        guard let problem = try? JSONDecoder().decode(Problem.self, from: response.body) else {
            return "respuesta \(response.status) sin detalle"
        }
        return [problem.title, problem.detail].compactMap { $0 }.joined(separator: " ")
    }

    /// Exponential backoff with full jitter (30 s × 2ⁿ⁻¹, at most an hour), or the server's
    /// `Retry-After`.
    private func nextAttempt(after attempts: Int, _ outcome: Outcome) -> Date {
        if case .retryAfter(_, let seconds) = outcome { return now().addingTimeInterval(TimeInterval(max(1, seconds))) }
        let ceiling = min(3_600.0, 30.0 * pow(2.0, Double(max(0, attempts - 1))))
        return now().addingTimeInterval(ceiling / 2 + random() * ceiling / 2)
    }
}
