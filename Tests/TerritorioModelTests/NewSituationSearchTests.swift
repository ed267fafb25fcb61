import Testing
@testable import TerritorioModel

/// What a gestor types in the street for the situations added in December 2026 — with and without
/// accents, with typos — finds the right route among the first three.
@Suite struct NewSituationSearchTests {
    @Test("a gestor's words for a new situation find its route in the top 3", arguments: [
        ("me robaron el celular", ["celular-robado-imei"]),
        ("atraco", ["hurto-en-curso-123"]),
        ("denunciar robo", ["hurto-denuncia-virtual", "hurto-en-curso-123"]),
        ("choque sin heridos", ["choque-simple-sin-heridos"]),
        ("acidente de transito con heridos", ["accidente-transito-con-heridos"]),
        ("huele a gas", ["fuga-gas-vivienda"]),
        ("fuga de gás", ["fuga-gas-vivienda", "tuberia-gas-rota-calle"]),
        ("cable caido", ["cable-caido-riesgo-electrico"]),
        ("explotación sexual niños", ["escnna-explotacion-sexual"]),
        ("adolecente infractor", ["adolescente-conflicto-ley-srpa"]),
        ("ruido vecinos", ["conflicto-vecinos-ruido"]),
        ("alcantarilla sin tapa", ["tapa-alcantarilla-robada"]),
        ("tubo roto agua", ["fuga-agua-tuberia-rota"]),
        ("parque dañado", ["parque-danado-mobiliario"]),
        ("grietas en la casa", ["grietas-vivienda-riesgo-idiger", "despues-de-un-sismo"]),
        ("persona desaparecida", ["persona-desaparecida"]),
        ("desaparesido", ["persona-desaparecida"]),
        ("familia con hambre", ["comedores-comunitarios"]),
        ("la eps no da la cita", ["eps-niega-servicio-queja"]),
        ("cuidadora", ["manzanas-cuidado-cuidadoras", "buses-del-cuidado"]),
        ("discriminacion gay", ["lgbti-discriminacion-violencia"]),
        ("persona trans", ["casas-lgbti-caidsg", "lgbti-discriminacion-violencia"]),
        ("niños emberá", ["embera-ninos-espacio-publico"]),
        ("indigena", ["casas-pensamiento-intercultural", "embera-ninos-espacio-publico", "discriminacion-racial-grupos-etnicos"]),
        ("afro discriminacion", ["discriminacion-racial-grupos-etnicos"]),
        ("adulto mayor sin ingresos", ["colombia-mayor-subsidio"]),
    ])
    func findsTheRoute(query: String, expected: [String]) throws {
        let (_, search) = try SearchQualityTests.sampleSearch()
        let top = try search.find(query, limit: 3).hits.map(\.route.id)
        #expect(top.contains { expected.contains($0) }, "top 3 for «\(query)»: \(top)")
    }
}
