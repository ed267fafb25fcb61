import Foundation
@testable import TerritorioModel

/// Every server answer the sync client decodes, from the same bytes: the session, a receipt,
/// status changes, a catalogue delta (applied to an empty catalogue, validated like an import),
/// a problem, and the bytes as a `Retry-After` header on a 503.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let body = Data(bytes: data, count: size)
    let decoder = JSONDecoder()
    _ = try? decoder.decode(SessionResponse.self, from: body)
    if let receipt = try? decoder.decode(NovedadReceipt.self, from: body) { _ = Radicado.isValid(receipt.radicado) }
    _ = try? decoder.decode(StatusChanges.self, from: body)
    _ = try? decoder.decode(Problem.self, from: body)
    if let json = try? JSONParser.parse(Array(body)), let delta = try? CatalogueDelta(json: json), delta.changesSomething {
        _ = try? delta.applied(to: nil)
    }
    let header = String(decoding: body.prefix(256), as: UTF8.self)
    let response = HTTPClient.Response(status: 503, headers: ["retry-after": header], body: Data())
    if let retryAfter = RetryAfter(response, now: Date(timeIntervalSince1970: 1_800_000_000)) {
        _ = retryAfter.reason(from: Date(timeIntervalSince1970: 1_800_000_000))
    }
    return 0
}
