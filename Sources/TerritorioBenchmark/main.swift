import Foundation
import TerritorioModel

// Search benchmark: synthetic catalogues of 1 000, 10 000 and 100 000 routes, import time, and
// per-search latency (median, p99) of Territorio's search against a naive FTS5 bm25 query with
// snippets over the same text (no prefix index) — the yardstick, measured in the same run.
//
//   swift run -c release territorio-benchmark [TAMAÑOS…]     e.g. 1000 10000 100000

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let sizes = arguments.isEmpty ? [1_000, 10_000, 100_000] : arguments
let samplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Resources/catalogo-muestra.json").path
let generator = SyntheticCatalogue(sample: try CatalogueReader.read(path: samplePath))
let repetitions = 200

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// Queries of one kind, cycling through `repetitions` different ones.
func queries(_ kind: String, random: inout SeededRandom) -> [String] {
    let words = generator.vocabulary.filter { $0.count >= 5 && $0.allSatisfy { $0.isASCII } }
    func word() -> String { words[Int(random.next() % UInt64(words.count))] }
    return (0..<repetitions).map { _ in
        switch kind {
        case "1 letra": return String(word().prefix(1))
        case "2 letras": return String(word().prefix(2))
        case "3 letras": return String(word().prefix(3))
        case "varias palabras": return "\(word()) \(word()) \(word().prefix(4))"
        case "palabra entera": return word()
        default:
            var letters = Array(word())
            let position = 1 + Int(random.next() % UInt64(letters.count - 2))
            letters[position] = letters[position] == "x" ? "z" : "x"
            return String(letters) + " "
        }
    }
}

/// The naive query for `text`: every word quoted, the last one a prefix, any of them matching
/// (routes need not contain every word), ranked by bm25, with a snippet.
func naiveExpression(_ text: String) -> String {
    let words = TextFolding.words(text)
    return words.enumerated().map { "\"\($1)\"" + ($0 == words.count - 1 && !text.hasSuffix(" ") ? "*" : "") }
        .joined(separator: " OR ")
}

let machine = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
    .trimmingCharacters(in: .whitespaces) ?? "?"
print("Máquina: \(machine), \(ProcessInfo.processInfo.activeProcessorCount) núcleos; \(repetitions) búsquedas por tipo, límite 20.")
print("")
print("rutas   | importar (validar+guardar) | tipo            | Territorio mediana / p99 | ingenua mediana / p99 | p99 ingenua/Territorio")

for size in sizes {
    let folder = NSTemporaryDirectory() + "territorio-benchmark-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let catalogue = generator.make(routes: size, seed: UInt64(size))
    let bytes = Array(JSONWriter.string(catalogue.json).utf8)
    let store = try Store(directory: DataDirectory(path: folder))
    let importTime = try milliseconds {
        try store.catalogue.replace(with: try CatalogueReader.read(bytes: bytes))
    }
    try store.database.executeScript("""
        CREATE VIRTUAL TABLE ingenua USING fts5(titulo, cuerpo, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO ingenua (rowid, titulo, cuerpo) SELECT rowid, titulo, cuerpo FROM rutas_busqueda;
        """)
    let search = CatalogueSearch(database: store.database, synonyms: .bundled(environment: ProcessInfo.processInfo.environment))
    let naive = try store.database.prepare("""
        SELECT rowid, bm25(ingenua, 10.0, 1.0), snippet(ingenua, 1, '[', ']', '…', 14)
        FROM ingenua WHERE ingenua MATCH ? ORDER BY bm25(ingenua, 10.0, 1.0) LIMIT 20
        """)
    var random = SeededRandom(seed: 42)
    var first = true
    for kind in ["1 letra", "2 letras", "3 letras", "palabra entera", "varias palabras", "error de tipeo"] {
        let texts = queries(kind, random: &random)
        _ = try search.find(texts[0])  // warm the page cache and, for typos, the vocabulary
        let ours = LatencyStatistics(milliseconds: try texts.map { text in try milliseconds { _ = try search.find(text) } })
        let yardstick = LatencyStatistics(milliseconds: try texts.map { text in
            try milliseconds { _ = try naive.rows([naiveExpression(text)]) }
        })
        let label = first ? String(format: "%7d | %22.0f ms", size, importTime) : String(repeating: " ", count: 7) + " | " + String(repeating: " ", count: 25)
        print(label + " | " + kind.padding(toLength: 15, withPad: " ", startingAt: 0)
              + String(format: " | %9.2f / %6.2f ms     | %8.2f / %6.2f ms   | %5.1f×", ours.median, ours.p99,
                       yardstick.median, yardstick.p99, yardstick.p99 / max(ours.p99, 0.001)))
        first = false
    }
}
