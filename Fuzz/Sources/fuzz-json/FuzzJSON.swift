@testable import TerritorioModel

/// The JSON parser, then the writer on what it parsed: what the writer prints, indented or
/// canonical, must parse again to the same text (that is what keeps `--json` output readable by
/// other programs, and the server's canonical route texts comparable).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let written = JSONWriter.string(value)
    guard let again = try? JSONParser.parse(written) else { fatalError("el escritor produjo JSON ilegible") }
    if JSONWriter.string(again) != written { fatalError("escribir y leer de nuevo cambió el valor") }
    let canonical = JSONWriter.canonical(value)
    guard let reread = try? JSONParser.parse(canonical) else { fatalError("el texto canónico es JSON ilegible") }
    if JSONWriter.canonical(reread) != canonical { fatalError("el texto canónico cambió al leerlo de nuevo") }
    return 0
}
