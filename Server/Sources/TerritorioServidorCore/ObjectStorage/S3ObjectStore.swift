import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Objects in one bucket of an S3-compatible store (AWS S3, Ceph RGW, Garage, SeaweedFS), under
/// the server's key prefix, addressed path-style (`ENDPOINT/BUCKET/PREFIX/NAME`) and signed with
/// SigV4 over each body's SHA-256.
/// Bodies are streamed: a composed photo goes out chunk by chunk as it is read back.
public struct S3ObjectStore: ObjectStore {
    let endpoint: URL
    let bucket: String
    let prefix: S3KeyPrefix
    let signer: SigV4Signer
    /// How long one request may take, a 15 MiB photo on a slow store included.
    static let requestTimeout: TimeAmount = .seconds(120)
    /// Connections to the store per pool, per process: however many gestores upload at once, at
    /// most this many requests (each with one chunk of its body in memory) are in flight, and the
    /// rest wait their turn. No request waits on a gestor (bodies are in files first), so they
    /// turn over as fast as the store answers. `HTTPClient.shared` keeps 8: too few for the store
    /// to be kept busy by one server.
    static let connections = 64
    /// Reads (`GET`) have a pool of their own: a photo being composed holds a `PUT` while its
    /// body reads the stored pieces back, and with one pool, as many such `PUT`s as connections
    /// wait for a connection to read with until their timeout (with one pool of 8, 200 gestores at
    /// once completed 31 photos in 8 minutes). Writes wait on reads, never the reverse.
    static let reads = pool()
    /// Everything else. Both live as long as the process (never shut down, like `HTTPClient.shared`).
    static let writes = pool()

    private static func pool() -> HTTPClient {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Bytes per second of the slowest body a streamed `PUT` waits for (a photo still arriving
    /// from a gestor on 2G): its deadline grows by the time this rate takes to send the object.
    static let slowestBodyRate: Int64 = 2_000
    /// How long the check at start waits: a store that does not answer by then is unreachable.
    static let checkTimeout: TimeAmount = .seconds(10)

    public init(endpoint: URL, bucket: String, prefix: S3KeyPrefix = S3KeyPrefix(), region: String, accessKey: String, secretKey: String) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.prefix = prefix
        self.signer = SigV4Signer(accessKey: accessKey, secretKey: secretKey, region: region, service: "s3")
    }

    public var description: String {
        "el bucket «\(bucket)»" + (prefix.description.isEmpty ? "" : " (prefijo «\(prefix)/»)") + " de \(endpoint.absoluteString)"
    }

    public func put(_ name: String, bytes: ByteBuffer) async throws {
        let response = try await send("PUT", name, payloadSHA256: SigV4Signer.payloadHash(bytes.readableBytesView),
                                      body: .bytes(bytes), length: Int64(bytes.readableBytes))
        try await expect(response, [200], "guardar \(name)")
    }

    public func put(_ name: String, chunks: VerifiedChunks) async throws {
        do {
            let response = try await send("PUT", name, payloadSHA256: chunks.sha256,
                                          body: .stream(chunks, length: .known(chunks.length)), length: chunks.length,
                                          timeout: Self.requestTimeout + .seconds(chunks.length / Self.slowestBodyRate))
            try await expect(response, [200], "guardar \(name)")
        } catch where chunks.wasRefused {
            throw VerifiedChunks.Mismatch()
        }
    }

    public func read(_ name: String) async throws -> AsyncThrowingStream<ByteBuffer, any Error> {
        let response = try await send("GET", name)
        guard response.status == .ok else { throw await failure(response, "leer \(name)") }
        return PulledChunks.stream(response.body.makeAsyncIterator())
    }

    public func size(of name: String) async throws -> Int64? {
        let response = try await send("HEAD", name)
        if response.status == .notFound { return nil }
        let size = response.headers.first(name: "Content-Length").flatMap { Int64($0) }
        try await expect(response, [200], "consultar \(name)")
        return size
    }

    public func delete(_ name: String) async throws {
        let response = try await send("DELETE", name)
        try await expect(response, [204, 200, 404], "borrar \(name)")
    }

    public func check() async throws {
        let response: HTTPClientResponse
        do {
            response = try await send("HEAD", nil, timeout: Self.checkTimeout)
        } catch {
            throw ObjectStoreFailure("No se pudo conectar con el almacén S3 en \(endpoint.absoluteString) (bucket «\(bucket)», TERRITORIO_S3_URL): \(error).")
        }
        switch response.status {
        case .ok: return
        case .notFound: throw ObjectStoreFailure("No existe el bucket «\(bucket)» en \(endpoint.absoluteString) (TERRITORIO_S3_BUCKET).")
        default:
            throw ObjectStoreFailure("El almacén S3 en \(endpoint.absoluteString) no dejó usar el bucket «\(bucket)»: respondió \(response.status.code) (revise TERRITORIO_S3_ACCESS_KEY y TERRITORIO_S3_SECRET_KEY).")
        }
    }

    /// `Host` as the client sends it: the port only when it is not the scheme's own.
    var host: String {
        let name = endpoint.host ?? "localhost"
        guard let port = endpoint.port, port != (endpoint.scheme == "https" ? 443 : 80) else { return name }
        return "\(name):\(port)"
    }

    /// The path of the bucket or of one object in it (under the prefix), percent-encoded once:
    /// this same string is both the request's path and the canonical URI that is signed.
    func path(_ name: String?) -> String {
        "/" + SigV4Signer.encode(bucket, keepingSlashes: false)
            + (name.map { "/" + SigV4Signer.encode(prefix.key($0), keepingSlashes: true) } ?? "")
    }

    private func send(_ method: String, _ name: String?, payloadSHA256: String = SigV4Signer.emptyPayloadHash,
                      body: HTTPClientRequest.Body? = nil, length: Int64 = 0,
                      timeout: TimeAmount = requestTimeout) async throws -> HTTPClientResponse {
        let path = path(name)
        var headers = ["x-amz-content-sha256": payloadSHA256]
        if body != nil { headers["content-length"] = String(length) }
        let signature = signer.sign(method: method, host: host, path: path, headers: headers, payloadSHA256: payloadSHA256, date: Date())
        var request = HTTPClientRequest(url: endpoint.absoluteString.trimmingSuffix("/") + path)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "Host", value: host)
        request.headers.add(name: "x-amz-date", value: signature.amzDate)
        request.headers.add(name: "x-amz-content-sha256", value: payloadSHA256)
        request.headers.add(name: "Authorization", value: signature.authorization)
        request.body = body
        return try await (method == "GET" ? Self.reads : Self.writes).execute(request, timeout: timeout)
    }

    /// Fails unless the status is one of `statuses`; the answer's body, not needed, is drained
    /// so the connection can serve the next request.
    private func expect(_ response: HTTPClientResponse, _ statuses: [UInt], _ action: String) async throws {
        guard statuses.contains(response.status.code) else { throw await failure(response, action) }
        _ = try await response.body.collect(upTo: 1024 * 1024)
    }

    private func failure(_ response: HTTPClientResponse, _ action: String) async -> ObjectStoreFailure {
        let detail = (try? await response.body.collect(upTo: 4096)).map { String(buffer: $0) } ?? ""
        return ObjectStoreFailure("El almacén S3 no dejó \(action) en el bucket «\(bucket)»: \(response.status.code) \(S3ErrorAnswer.summary(of: detail))")
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
