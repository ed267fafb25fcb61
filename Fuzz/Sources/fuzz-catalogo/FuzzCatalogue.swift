@testable import TerritorioModel

/// A catalogue file as `catalogo importar` reads it: accepted whole or refused with a place.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalogue(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let catalogue = try CatalogueReader.read(bytes: bytes)
        _ = catalogue.rutas.map(\.json)
    } catch let error as CatalogueError {
        _ = error.message
    } catch {
        fatalError("error inesperado del lector del catálogo: \(error)")
    }
    return 0
}
