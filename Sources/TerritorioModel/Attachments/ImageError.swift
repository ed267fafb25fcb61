/// Why a file was refused as an attachment. Each case carries enough to tell the gestor, in
/// Spanish, what is wrong with the file and what to do.
public enum ImageError: Error, Equatable, Sendable {
    /// The file has no bytes.
    case empty
    /// The content is not an accepted image; the associated value says what it looks like.
    case notAnImage(ForeignContent)
    /// The file starts like an accepted image but is cut short or broken.
    case damaged(ImageFormat, Damage)
    /// The header gives no width and height, or one of them is zero.
    case missingDimensions(ImageFormat)
    /// The image has metadata that may hold the place where it was taken, and it could not be
    /// cleaned with certainty, so it is not stored (unless the gestor keeps the location on purpose;
    /// the caller adds how, since that depends on the interface).
    case locationNotRemovable(ImageFormat, LocationProblem)

    /// What a refused file looks like when it is not an accepted image.
    public enum ForeignContent: Equatable, Sendable {
        case pdf, zip, text, gif, bmp, tiff, unknown
    }

    /// How an image is broken. `part` names the segment, chunk or box as the format calls it
    /// (`APP1`, `IDAT`, `mdat`).
    public enum Damage: Equatable, Sendable {
        /// The file ends before the image does.
        case cutShort
        /// A JPEG whose image data (the scan) is not followed by the end marker.
        case jpegMissingEndMarker
        /// A JPEG without image data (no scan) before its end marker.
        case jpegMissingScan
        /// A PNG without its final IEND chunk.
        case pngMissingEnd
        /// A PNG chunk whose CRC does not match its content.
        case pngChecksumMismatch(chunk: String)
        /// A segment, chunk or box that declares more bytes than the file has.
        case runsPastEnd(part: String)
        /// No image data at all (no IDAT, no VP8 frame).
        case missingImageData
        /// Any other violation of the format; `detail` is Spanish text for the gestor.
        case invalidStructure(detail: String)
    }

    /// Why location metadata could not be removed with certainty.
    public enum LocationProblem: Equatable, Sendable {
        /// The Exif data (where the GPS block lives) is damaged.
        case malformedExif
        /// The XMP text is damaged or in an encoding that cannot be checked.
        case malformedXMP
        /// A metadata block of a kind that cannot be cleaned mentions a location; `part` names it.
        case unknownMetadata(part: String)
        /// The metadata is stored in a way (compressed, by reference) that cannot be edited in place.
        case unsupportedLayout
        /// The cleaned copy did not check out as the same image without location.
        case notVerified
    }

    /// The message for the gestor, in Spanish.
    public var message: String {
        switch self {
        case .empty:
            "El archivo está vacío (0 bytes); no es una imagen."
        case .notAnImage(let content):
            content.message
        case .damaged(let format, let damage):
            "La \(format.displayName) está incompleta o dañada: \(damage.explanation(for: format)). "
                + "Vuelva a copiarla desde el original."
        case .missingDimensions(let format):
            "La \(format.displayName) no indica su ancho y alto (o son cero); el archivo parece dañado."
        case .locationNotRemovable(let format, let problem):
            "La \(format.displayName) tiene metadatos que pueden incluir el lugar donde se tomó, "
                + "y no se pudieron quitar con seguridad (\(problem.explanation)); por eso no se adjuntó."
        }
    }
}

extension ImageError {
    /// Runs `body`, which reads a HEIF structure, naming `format` in what it throws: an AVIF
    /// is read by the HEIF code, and the gestor must read "imagen AVIF".
    static func naming<T>(_ format: ImageFormat, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ImageError {
            switch error {
            case .damaged(.heic, let damage): throw ImageError.damaged(format, damage)
            case .missingDimensions(.heic): throw ImageError.missingDimensions(format)
            case .locationNotRemovable(.heic, let problem): throw ImageError.locationNotRemovable(format, problem)
            default: throw error
            }
        }
    }
}

extension ImageError.ForeignContent {
    var message: String {
        let accepted = "Solo se adjuntan imágenes JPEG, PNG, WebP, HEIC/HEIF o AVIF (se revisa el contenido, no el nombre del archivo)."
        return switch self {
        case .pdf: "El archivo no es una imagen sino un documento PDF. " + accepted
        case .zip: "El archivo no es una imagen sino un archivo comprimido ZIP (o un documento de Office). " + accepted
        case .text: "El archivo no es una imagen sino texto. " + accepted
        case .gif: "El archivo es una imagen GIF, formato que no se admite; conviértala a PNG o JPEG. " + accepted
        case .bmp: "El archivo es una imagen BMP, formato que no se admite; conviértala a PNG o JPEG. " + accepted
        case .tiff: "El archivo es una imagen TIFF, formato que no se admite; conviértala a JPEG. " + accepted
        case .unknown: "El archivo no es una imagen reconocible. " + accepted
        }
    }
}

extension ImageError.Damage {
    func explanation(for format: ImageFormat) -> String {
        switch self {
        case .cutShort:
            "el archivo termina antes que la imagen (parece cortado)"
        case .jpegMissingEndMarker:
            "después de los datos de la imagen falta el marcador de fin (EOI), así que el archivo parece cortado"
        case .jpegMissingScan:
            "no contiene los datos de la imagen"
        case .pngMissingEnd:
            "falta el bloque final IEND, así que el archivo parece cortado"
        case .pngChecksumMismatch(let chunk):
            "la suma de verificación (CRC) del bloque «\(chunk)» no coincide con su contenido"
        case .runsPastEnd(let part):
            "\(format.partNoun) «\(part)» dice ocupar más bytes de los que tiene el archivo (parece cortado)"
        case .missingImageData:
            "no contiene los datos de la imagen"
        case .invalidStructure(let detail):
            detail
        }
    }
}

extension ImageError.LocationProblem {
    var explanation: String {
        switch self {
        case .malformedExif: "los metadatos Exif están dañados"
        case .malformedXMP: "los metadatos XMP están dañados o en una codificación que no se puede revisar"
        case .unknownMetadata(let part): "el bloque «\(part)» menciona una ubicación en un formato que no se sabe limpiar"
        case .unsupportedLayout: "los metadatos están guardados de una forma que no se puede editar"
        case .notVerified: "no se pudo comprobar la copia limpia"
        }
    }
}

extension ImageFormat {
    /// What the format calls its building blocks, with the article: "el segmento", "el bloque", "la caja".
    var partNoun: String {
        switch self {
        case .jpeg: "el segmento"
        case .png, .webp: "el bloque"
        case .heic, .avif: "la caja"
        }
    }
}
