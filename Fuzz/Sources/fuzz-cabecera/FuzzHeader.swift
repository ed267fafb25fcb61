import Foundation
@testable import TerritorioModel

/// The picker's header probe reads a real file (it never loads the whole photo), so each input
/// is written to one scratch file first; then the full inspection, which detects the type.
private let scratch = NSTemporaryDirectory() + "territorio-fuzz-cabecera-\(getpid())"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FileManager.default.createFile(atPath: scratch, contents: Data(bytes))
    let probed = ImageHeader.info(ofFileAt: scratch)
    let inspected = try? ImageInspector.inspect(bytes)
    // A file the full inspection accepts is one the probe must recognise the same way.
    if let inspected, let probed, probed.format != inspected.format { fatalError("el sondeo y la inspección no coinciden") }
    return 0
}
