@testable import TerritorioModel

/// Location removal as `novedad adjuntar` runs it, for the input's own format and for every
/// other (a parser must refuse what is not its format, never crash on it). What comes out
/// cleaned must still be an image of the same size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLocation(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let info = try? ImageInspector.inspect(bytes)
    for format in ImageFormat.allCases {
        guard let cleaned = try? LocationRemover.removingLocation(from: bytes, format: format) else { continue }
        if let info, format == info.format, (try? ImageInspector.inspect(cleaned.bytes)) != info {
            fatalError("la copia limpia ya no es la misma imagen")
        }
    }
    return 0
}
