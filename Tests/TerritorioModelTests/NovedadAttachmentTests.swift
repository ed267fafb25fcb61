import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// Photos attached through `NovedadStore`: stored once at `adjuntos/<sha256>` (0600), the
/// original only read, location removed unless kept on purpose, every bad file refused with its
/// reason and nothing changed, the limits, and garbage collection of what nothing references.
@Suite struct NovedadAttachmentTests {
    // MARK: - Storing

    @Test func aPhotoIsStoredOnceUnderItsHashPrivateAndTheOriginalIsUntouched() throws {
        try withNovedadBench { bench in
            let image = PNGBuilder.png(width: 6, height: 4, gps: false)
            let path = try bench.file("foto.png", image.bytes)
            let draft = try bench.completeDraft()
            let attached = try bench.novedades().attach(draft.id, path: path)
            let record = try #require(attached.attachments.first)
            #expect(attached.attachments.count == 1)
            #expect(record.sha256 == sha256Hex(image.bytes))
            #expect(record.sha256.count == 64 && record.sha256.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(record == AttachmentRecord(sha256: sha256Hex(image.bytes), name: "foto.png", bytes: image.bytes.count,
                                               width: 6, height: 4, format: .png, locationRemoved: false, keptLocation: false))
            #expect(try bench.storedFiles() == [record.sha256])
            #expect(try bench.storedBytes(record.sha256) == image.bytes)
            #expect(try permissions(of: bench.attachmentsFolder + "/" + record.sha256) == 0o600)
            #expect(try permissions(of: bench.attachmentsFolder) == 0o700)
            #expect(try bytes(at: path) == image.bytes)
            let json = attached.json["adjuntos"]
            #expect(json?.arrayCount == 1)
            if case .array(let items)? = json, let item = items.first {
                #expect(item["sha256"] == .string(record.sha256))
                #expect(item["nombre"] == .string("foto.png"))
                #expect(item["bytes"] == .integer(Int64(image.bytes.count)))
                #expect(item["ancho"] == .integer(6) && item["alto"] == .integer(4))
            }
        }
    }

    @Test("GPS is removed and the image data stays byte-identical", arguments: ImageFormat.allCases)
    func gpsIsRemoved(format: ImageFormat) throws {
        try withNovedadBench { bench in
            let image = switch format {
            case .jpeg: JPEGBuilder.jpeg(order: .little)
            case .png: PNGBuilder.png(width: 5, height: 3)
            case .webp: WebPBuilder.webp()
            case .heic: HEICBuilder.heic(order: .little)
            case .avif: HEICBuilder.heic(order: .little, brands: ["avif", "mif1", "miaf"])
            }
            #expect(!image.locationBytes.isEmpty)
            for location in image.locationBytes { try #require(image.bytes.contains(bytes: location)) }
            let path = try bench.file("con-gps.\(format.rawValue)", image.bytes)
            let draft = try bench.completeDraft()
            let record = try #require(try bench.novedades().attach(draft.id, path: path).attachments.first)
            let stored = try bench.storedBytes(record.sha256)
            for location in image.locationBytes {
                #expect(!stored.contains(bytes: location), "\(format): the position is still in the stored file")
            }
            // The JPEG scan data through EOI, the PNG IDAT chunk, the WebP VP8 chunk, the HEIC coded item.
            #expect(stored.contains(bytes: Array(image.bytes[image.imageData])), "\(format)")
            #expect(record.sha256 == sha256Hex(stored))
            #expect(record.sha256 != sha256Hex(image.bytes))
            #expect(record.locationRemoved && !record.keptLocation)
            #expect(record.bytes == stored.count && record.width == image.width && record.height == image.height)
            #expect(record.format == format)
            #expect(try ImageInspector.inspect(stored) == image.info)
            // The original still has its position: it is only read.
            #expect(try bytes(at: path) == image.bytes)
            #expect(try permissions(of: bench.attachmentsFolder + "/" + record.sha256) == 0o600)
        }
    }

    @Test func keepLocationStoresThePhotoAsItIs() throws {
        try withNovedadBench { bench in
            let image = JPEGBuilder.jpeg()
            let path = try bench.file("ubicacion.jpg", image.bytes)
            let draft = try bench.completeDraft()
            let kept = try #require(try bench.novedades().attach(draft.id, path: path, keepLocation: true).attachments.first)
            #expect(kept.sha256 == sha256Hex(image.bytes))
            #expect(kept.keptLocation && !kept.locationRemoved)
            let stored = try bench.storedBytes(kept.sha256)
            #expect(stored == image.bytes)
            for location in image.locationBytes { #expect(stored.contains(bytes: location)) }
            if case .array(let items)? = try bench.novedades().novedad(draft.id).json["adjuntos"] {
                #expect(items.first?["ubicacion_conservada"] == .bool(true))
                #expect(items.first?["ubicacion_removida"] == .bool(false))
            }
            // Without keeping it, the same file is a different attachment (other bytes, other hash).
            let cleaned = try bench.novedades().attach(draft.id, path: path)
            #expect(cleaned.attachments.count == 2)
            #expect(cleaned.attachments[1].sha256 != kept.sha256 && cleaned.attachments[1].locationRemoved)
        }
    }

    @Test func aPhotoWithoutLocationIsStoredUnchanged() throws {
        try withNovedadBench { bench in
            let image = JPEGBuilder.jpeg(gps: false)
            let path = try bench.file("sin-gps.jpg", image.bytes)
            let record = try #require(try bench.completeDraft(attachments: [path]).attachments.first)
            #expect(!record.locationRemoved && !record.keptLocation)
            #expect(try bench.storedBytes(record.sha256) == image.bytes)
        }
    }

    @Test func aPathWithSpacesAndAccentsIsAttachedUnderItsName() throws {
        try withNovedadBench { bench in
            let image = PNGBuilder.png(width: 3, height: 2, gps: false)
            let path = try bench.file("Fotos de campaña/Árbol caído en la vía (1).png", image.bytes)
            let draft = try bench.completeDraft()
            let record = try #require(try bench.novedades().attach(draft.id, path: path).attachments.first)
            #expect(record.name == "Árbol caído en la vía (1).png")
            #expect(try bench.storedBytes(record.sha256) == image.bytes)
            #expect(try bytes(at: path) == image.bytes)
        }
    }

    @Test func aSymbolicLinkToAPhotoIsFollowed() throws {
        try withNovedadBench { bench in
            let image = PNGBuilder.png(width: 4, height: 4, gps: false)
            let target = try bench.file("real.png", image.bytes)
            let link = bench.folder + "/enlace.png"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            let record = try #require(try bench.completeDraft(attachments: [link]).attachments.first)
            #expect(record.sha256 == sha256Hex(image.bytes) && record.name == "enlace.png")
        }
    }

    // MARK: - Refused files

    /// A file that must never become an attachment, and a piece of the reason the gestor reads.
    enum BadFile: String, CaseIterable, Sendable {
        case renamedPDF = "PDF renombrado a .jpg"
        case renamedText = "texto renombrado a .png"
        case truncatedJPEG = "JPEG cortado"
        case truncatedPNG = "PNG sin IEND"
        case damagedPNG = "PNG con CRC equivocado"
        case gif = "GIF"
        case empty = "archivo de 0 bytes"
        case directory = "carpeta"
        case fifo = "tubería (FIFO), que bloquearía al abrirla"
        case ilocBomb = "HEIF con 65 535 × 65 535 fragmentos en iloc"
        case missing = "ruta que no existe"
        case danglingLink = "enlace a nada"
        case symlinkLoop = "ciclo de enlaces"

        var reason: String {
            switch self {
            case .renamedPDF: "no es una imagen sino un documento PDF"
            case .renamedText: "no es una imagen sino texto"
            case .truncatedJPEG: "La imagen JPEG está incompleta o dañada"
            case .truncatedPNG: "La imagen PNG está incompleta o dañada"
            case .damagedPNG: "(CRC) del bloque «IDAT» no coincide"
            case .gif: "GIF, formato que no se admite"
            case .empty: "el archivo está vacío"
            case .directory: "es una carpeta, no un archivo"
            case .fifo: "es una tubería (FIFO), no un archivo"
            case .ilocBomb: "la caja iloc declara más fragmentos de los que caben en ella"
            case .missing, .danglingLink: "el archivo no existe"
            case .symlinkLoop: "el enlace simbólico forma un ciclo"
            }
        }

        func make(in bench: NovedadBench) throws -> String {
            switch self {
            case .renamedPDF:
                return try bench.file("foto.jpg", Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8))
            case .renamedText:
                return try bench.file("foto.png", Array("Esto es una lista de compras, no una foto.\n".utf8))
            case .truncatedJPEG:
                let jpeg = JPEGBuilder.jpeg(gps: false).bytes
                return try bench.file("cortada.jpg", Array(jpeg.prefix(jpeg.count - 300)))
            case .truncatedPNG:
                let png = PNGBuilder.png(gps: false).bytes
                return try bench.file("cortada.png", Array(png.prefix(png.count - 12)))
            case .damagedPNG:
                let image = PNGBuilder.png(gps: false)
                var bytes = image.bytes
                bytes[image.imageData.lowerBound + 12] ^= 0xff
                return try bench.file("dañada.png", bytes)
            case .gif:
                return try bench.file("animada.gif", Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3b])
            case .empty:
                return try bench.file("vacia.jpg", [])
            case .directory:
                let path = bench.folder + "/Fotos.jpg"
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                return path
            case .fifo:
                let path = bench.folder + "/tubo.jpg"
                guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
                return path
            case .ilocBomb:
                return try bench.file("bomba.heic", HEICBuilder.ilocBomb())
            case .missing:
                return bench.folder + "/no hay/foto.jpg"
            case .danglingLink:
                let path = bench.folder + "/rota.jpg"
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: bench.folder + "/borrada.jpg")
                return path
            case .symlinkLoop:
                try FileManager.default.createSymbolicLink(atPath: bench.folder + "/a.jpg", withDestinationPath: bench.folder + "/b.jpg")
                try FileManager.default.createSymbolicLink(atPath: bench.folder + "/b.jpg", withDestinationPath: bench.folder + "/a.jpg")
                return bench.folder + "/a.jpg"
            }
        }
    }

    @Test("a bad file is refused with its reason and changes nothing", arguments: BadFile.allCases)
    func badFilesAreRefused(file: BadFile) throws {
        try withNovedadBench { bench in
            let good = try bench.file("buena.png", PNGBuilder.png(width: 2, height: 2, gps: false).bytes)
            let draft = try bench.completeDraft(attachments: [good])
            let path = try file.make(in: bench)
            let original = try? bytes(at: path)
            let json = try bench.json(draft.id)
            let dump = try bench.dump()
            let files = try bench.storedFiles()
            let error = #expect(throws: NovedadError.self) { try bench.novedades(at: NovedadBench.start + 60).attach(draft.id, path: path) }
            guard case .attachment(let reportedPath, let reason)? = error else {
                Issue.record("expected attachment error, got \(String(describing: error))")
                return
            }
            #expect(reportedPath == path)
            #expect(reason.contains(file.reason), "\(reason)")
            #expect(error?.message.hasPrefix("No se adjuntó «\(path)»: ") == true)
            #expect(try bench.json(draft.id) == json)
            #expect(try bench.dump() == dump)
            #expect(try bench.storedFiles() == files)
            #expect((try? bytes(at: path)) == original)
            // Creating a draft with it is refused the same way, and creates nothing.
            #expect(throws: NovedadError.self) { try bench.novedades().create(NovedadChanges.complete, attachments: [path]) }
            #expect(try bench.novedades().list().map(\.id) == [draft.id])
        }
    }

    // MARK: - Limits

    @Test func aFileOverTheSizeLimitIsRefusedAndOneAtTheLimitAccepted() throws {
        try withNovedadBench { bench in
            let image = PNGBuilder.png(width: 8, height: 8, gps: false)
            let path = try bench.file("foto.png", image.bytes)
            let draft = try bench.completeDraft()
            let json = try bench.json(draft.id)
            let tight = bench.novedades(limits: AttachmentLimits(maximumBytes: image.bytes.count - 1))
            let error = #expect(throws: NovedadError.self) { try tight.attach(draft.id, path: path) }
            guard case .attachment(_, let reason)? = error else {
                Issue.record("expected attachment error, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("el límite es"))
            #expect(try bench.json(draft.id) == json)
            #expect(try bench.storedFiles().isEmpty)
            let exact = bench.novedades(limits: AttachmentLimits(maximumBytes: image.bytes.count))
            #expect(try exact.attach(draft.id, path: path).attachments.count == 1)
        }
    }

    @Test func aFileOverTheDefault15MiBIsRefusedWithoutReadingIt() throws {
        try withNovedadBench { bench in
            let path = bench.folder + "/enorme.jpg"
            try createSparseFile(at: path, bytes: 15 * 1_048_576 + 1)
            let draft = try bench.completeDraft()
            let json = try bench.json(draft.id)
            let error = #expect(throws: NovedadError.self) { try bench.novedades().attach(draft.id, path: path) }
            guard case .attachment(_, let reason)? = error else {
                Issue.record("expected attachment error, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("el límite es 15 MiB por foto"))
            #expect(try bench.json(draft.id) == json)
            #expect(try bench.storedFiles().isEmpty)
        }
    }

    @Test
    func theOverLimitMessageShowsTheFileIsBigger() throws {
        try withNovedadBench { bench in
            let big = bench.folder + "/enorme.jpg"
            try createSparseFile(at: big, bytes: 15 * 1_048_576 + 1)
            let small = try bench.file("foto.png", PNGBuilder.png(width: 8, height: 8, gps: false).bytes)
            let draft = try bench.completeDraft()
            for (path, store) in [(big, bench.novedades()), (small, bench.novedades(limits: AttachmentLimits(maximumBytes: 100)))] {
                let error = #expect(throws: NovedadError.self) { try store.attach(draft.id, path: path) }
                let message = error?.message ?? ""
                #expect(!message.contains("pesa 15 MiB y el límite es 15 MiB"), "\(message)")
                #expect(!message.contains("0 MiB"), "\(message)")
            }
        }
    }

    /// `count` different small PNG files in the test folder.
    private func distinctPhotos(_ bench: NovedadBench, count: Int) throws -> [String] {
        try (0..<count).map { index in
            try bench.file("foto-\(index).png", PNGBuilder.png(width: 2 + index, height: 2, gps: false).bytes)
        }
    }

    @Test func theEleventhAttachmentIsRefusedByDefault() throws {
        try withNovedadBench { bench in
            let photos = try distinctPhotos(bench, count: 11)
            let draft = try bench.completeDraft()
            let store = bench.novedades()
            for photo in photos.prefix(10) { _ = try store.attach(draft.id, path: photo) }
            #expect(try store.novedad(draft.id).attachments.count == 10)
            let json = try bench.json(draft.id)
            let files = try bench.storedFiles()
            let error = #expect(throws: NovedadError.self) { try store.attach(draft.id, path: photos[10]) }
            #expect(error == .attachment(path: photos[10], reason: "una novedad lleva a lo sumo 10 fotos"))
            #expect(try bench.json(draft.id) == json)
            #expect(try bench.storedFiles() == files)
        }
    }

    @Test func creatingWithElevenPhotosCreatesNothingAndLeavesOnlyGarbage() throws {
        try withNovedadBench { bench in
            let photos = try distinctPhotos(bench, count: 11)
            let store = bench.novedades()
            #expect(throws: NovedadError.attachment(path: photos[10], reason: "una novedad lleva a lo sumo 10 fotos")) {
                try store.create(NovedadChanges.complete, attachments: photos)
            }
            #expect(try store.list().isEmpty)
            #expect(try bench.database.scalar("SELECT count(*) FROM adjuntos", as: Int.self) == 0)
            // The copies written before the refusal belong to nothing: the next collection removes them.
            #expect(try store.collectGarbage() == 10)
            #expect(try bench.storedFiles().isEmpty)
        }
    }

    @Test func theNumberOfPhotosIsConfigurable() throws {
        try withNovedadBench { bench in
            let photos = try distinctPhotos(bench, count: 3)
            let store = bench.novedades(limits: AttachmentLimits(maximumPerNovedad: 2))
            let draft = try store.create(NovedadChanges(), attachments: Array(photos.prefix(2)))
            let error = #expect(throws: NovedadError.self) { try store.attach(draft.id, path: photos[2]) }
            #expect(error == .attachment(path: photos[2], reason: "una novedad lleva a lo sumo 2 fotos"))
        }
    }

    @Test("limits from the environment", arguments: [
        ([String: String](), 15 * 1_048_576, 10),
        (["TERRITORIO_ADJUNTO_MAX_MIB": "2", "TERRITORIO_ADJUNTOS_MAX": "3"], 2 * 1_048_576, 3),
        (["TERRITORIO_ADJUNTO_MAX_MIB": "1024", "TERRITORIO_ADJUNTOS_MAX": "100"], 1_024 * 1_048_576, 100),
        (["TERRITORIO_ADJUNTO_MAX_MIB": "0", "TERRITORIO_ADJUNTOS_MAX": "0"], 15 * 1_048_576, 10),
        (["TERRITORIO_ADJUNTO_MAX_MIB": "-5", "TERRITORIO_ADJUNTOS_MAX": "101"], 15 * 1_048_576, 10),
        (["TERRITORIO_ADJUNTO_MAX_MIB": "muchos", "TERRITORIO_ADJUNTOS_MAX": "2.5"], 15 * 1_048_576, 10),
        (["TERRITORIO_ADJUNTO_MAX_MIB": "1025", "TERRITORIO_ADJUNTOS_MAX": ""], 15 * 1_048_576, 10),
    ])
    func limitsFromTheEnvironment(environment: [String: String], bytes: Int, count: Int) {
        #expect(AttachmentLimits.configured(environment: environment) == AttachmentLimits(maximumBytes: bytes, maximumPerNovedad: count))
    }

    // MARK: - The same photo twice

    @Test func theSamePhotoTwiceOnOneDraftIsRefused() throws {
        try withNovedadBench { bench in
            let image = PNGBuilder.png(width: 5, height: 5, gps: false)
            let path = try bench.file("foto.png", image.bytes)
            let copy = try bench.file("copia de foto.png", image.bytes)
            let draft = try bench.completeDraft(attachments: [path])
            let json = try bench.json(draft.id)
            let dump = try bench.dump()
            for again in [path, copy] {
                let error = #expect(throws: NovedadError.self) { try bench.novedades().attach(draft.id, path: again) }
                #expect(error == .attachment(path: again, reason: "esa misma foto ya está adjunta a esta novedad"))
                #expect(try bench.json(draft.id) == json)
                #expect(try bench.dump() == dump)
            }
            // Two copies of one photo with GPS are the same attachment once the position is gone.
            let gps = JPEGBuilder.jpeg()
            let first = try bench.file("gps-1.jpg", gps.bytes)
            let second = try bench.file("gps-2.jpg", gps.bytes)
            _ = try bench.novedades().attach(draft.id, path: first)
            #expect(throws: NovedadError.self) { try bench.novedades().attach(draft.id, path: second) }
            // And in one create call.
            #expect(throws: NovedadError.attachment(path: path, reason: "esa misma foto ya está adjunta a esta novedad")) {
                try bench.novedades().create(NovedadChanges(), attachments: [path, path])
            }
            #expect(try bench.novedades().list().count == 1)
            #expect(try bench.storedFiles().count == 2)
        }
    }

    @Test func theSamePhotoOnTwoDraftsIsStoredOnce() throws {
        try withNovedadBench { bench in
            let image = PNGBuilder.png(width: 5, height: 5, gps: false)
            let path = try bench.file("foto.png", image.bytes)
            let first = try bench.completeDraft(attachments: [path])
            let second = try bench.completeDraft(attachments: [bench.file("otra copia.png", image.bytes)])
            #expect(first.attachments[0].sha256 == second.attachments[0].sha256)
            #expect(second.attachments[0].name == "otra copia.png")
            #expect(try bench.storedFiles() == [first.attachments[0].sha256])
        }
    }

    // MARK: - Removing and garbage collection

    @Test func aRemovedPhotoIsCollectedOnlyWhenNothingReferencesIt() throws {
        try withNovedadBench { bench in
            let shared = try bench.file("compartida.png", PNGBuilder.png(width: 5, height: 5, gps: false).bytes)
            let own = try bench.file("propia.png", PNGBuilder.png(width: 7, height: 5, gps: false).bytes)
            let first = try bench.completeDraft(attachments: [shared, own])
            let second = try bench.completeDraft(attachments: [shared])
            let sharedHash = second.attachments[0].sha256
            let ownHash = try #require(first.attachments.first { $0.name == "propia.png" }).sha256
            let store = bench.novedades(at: NovedadBench.start + 60)

            let afterOwn = try store.removeAttachment(first.id, hashPrefix: String(ownHash.prefix(10)).uppercased())
            #expect(afterOwn.attachments.map(\.sha256) == [sharedHash])
            #expect(afterOwn.updatedAt == Timestamp.string(from: NovedadBench.start + 60))
            // Removal alone deletes no file; the collection does, for what nothing references.
            #expect(try bench.storedFiles().count == 2)
            #expect(try store.collectGarbage() == 1)
            #expect(try bench.storedFiles() == [sharedHash])

            _ = try store.removeAttachment(first.id, hashPrefix: sharedHash)
            #expect(try store.collectGarbage() == 0)
            #expect(try bench.storedFiles() == [sharedHash])
            _ = try store.removeAttachment(second.id, hashPrefix: String(sharedHash.prefix(4)))
            #expect(try store.collectGarbage() == 1)
            #expect(try bench.storedFiles().isEmpty)
            // The originals were never touched.
            #expect(FileManager.default.fileExists(atPath: shared) && FileManager.default.fileExists(atPath: own))
        }
    }

    @Test func removingAnUnknownOrEmptyHashPrefixIsRefused() throws {
        try withNovedadBench { bench in
            let photo = try bench.file("foto.png", PNGBuilder.png(width: 5, height: 5, gps: false).bytes)
            let draft = try bench.completeDraft(attachments: [photo])
            let hash = draft.attachments[0].sha256
            let other = hash.first == "0" ? "1" : "0"
            let json = try bench.json(draft.id)
            for prefix in ["", other, other + String(hash.dropFirst()), "zz"] {
                let error = #expect(throws: NovedadError.self) { try bench.novedades().removeAttachment(draft.id, hashPrefix: prefix) }
                #expect(error == .noSuchAttachment(id: String(draft.id.prefix(8)), prefix: prefix))
                #expect(error?.message.contains("no tiene un adjunto cuyo sha256 empiece por «\(prefix)»") == true)
                #expect(try bench.json(draft.id) == json)
            }
        }
    }

    @Test func anAmbiguousHashPrefixIsRefused() throws {
        try withNovedadBench { bench in
            // 17 hashes over 16 possible first digits: at least two share one.
            let store = bench.novedades(limits: AttachmentLimits(maximumPerNovedad: 20))
            let draft = try store.create(NovedadChanges(), attachments: try distinctPhotos(bench, count: 17))
            let firstDigits = draft.attachments.map { String($0.sha256.prefix(1)) }
            let shared = try #require(firstDigits.first { digit in firstDigits.filter { $0 == digit }.count > 1 })
            let json = try bench.json(draft.id)
            let error = #expect(throws: NovedadError.self) { try store.removeAttachment(draft.id, hashPrefix: shared) }
            guard case .invalidValue(let field, let reason)? = error else {
                Issue.record("expected invalidValue, got \(String(describing: error))")
                return
            }
            #expect(field == "adjunto" && reason.contains("varios adjuntos"))
            #expect(try bench.json(draft.id) == json)
        }
    }

    @Test func leftoversOfInterruptedCopiesAreCollected() throws {
        try withNovedadBench { bench in
            let photo = try bench.file("foto.png", PNGBuilder.png(width: 5, height: 5, gps: false).bytes)
            let draft = try bench.completeDraft(attachments: [photo])
            let kept = draft.attachments[0].sha256
            try writeFile([1, 2, 3], to: bench.attachmentsFolder + "/.tmp-x")
            try writeFile([4, 5, 6], to: bench.attachmentsFolder + "/.tmp-" + UUID().uuidString.lowercased())
            try writeFile([7], to: bench.attachmentsFolder + "/" + String(repeating: "e", count: 64))
            #expect(try bench.novedades().collectGarbage() == 3)
            #expect(try bench.storedFiles() == [kept])
            #expect(FileManager.default.fileExists(atPath: bench.attachmentsFolder + "/.bloqueo"))
            #expect(try bench.storedBytes(kept) == bytes(at: photo))
            #expect(try bench.novedades().collectGarbage() == 0)
        }
    }

    @Test func collectingWithoutAnAttachmentsFolderDoesNothing() throws {
        try withNovedadBench { bench in
            let removed = try bench.novedades().collectGarbage()
            #expect(removed == 0)
            #expect(!FileManager.default.fileExists(atPath: bench.attachmentsFolder))
        }
    }

    @Test func createWithAttachmentsIsAllOrNothing() throws {
        try withNovedadBench { bench in
            let good = try bench.file("buena.png", PNGBuilder.png(width: 5, height: 5, gps: false).bytes)
            let missing = bench.folder + "/no-existe.png"
            #expect(throws: NovedadError.attachment(path: missing, reason: "el archivo no existe")) {
                try bench.novedades().create(NovedadChanges.complete, attachments: [good, missing])
            }
            #expect(try bench.novedades().list().isEmpty)
            #expect(try bench.database.scalar("SELECT count(*) FROM transiciones", as: Int.self) == 0)
            #expect(try bench.novedades().collectGarbage() == 1)
            #expect(try bench.storedFiles().isEmpty)
        }
    }

    @Test
    func attachmentsKeepTheOrderTheyWereAdded() throws {
        try withNovedadBench { bench in
            let photos = try distinctPhotos(bench, count: 8)
            let hashes = try photos.map { sha256Hex(try bytes(at: $0)) }
            // b, then a c whose hash sorts before b's: after removing a, c must still come after b.
            let b = 1
            let c = try #require((2..<photos.count).first { hashes[$0] < hashes[b] })
            let store = bench.novedades()
            let draft = try store.create(NovedadChanges(), attachments: [photos[0], photos[b]])
            _ = try store.removeAttachment(draft.id, hashPrefix: hashes[0])
            let after = try store.attach(draft.id, path: photos[c])
            #expect(after.attachments.map(\.sha256) == [hashes[b], hashes[c]])
        }
    }
}
