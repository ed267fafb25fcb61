import Testing
@testable import TerritorioModel

@Suite struct DatabaseTests {
    /// An in-memory database with one untyped column, so every value keeps its own type.
    private func database() throws -> Database {
        let database = try Database(location: .inMemory)
        try database.execute("CREATE TABLE t (v)")
        return database
    }

    private func roundTrip<T: SQLValueConvertible>(_ value: T, as type: T.Type = T.self) throws -> T {
        let database = try database()
        try database.execute("INSERT INTO t (v) VALUES (?)", [value])
        let row = try #require(try database.query("SELECT v FROM t").first)
        return try row.get(0)
    }

    // MARK: - Binding and reading values

    @Test func bindsAndReadsBackEveryType() throws {
        #expect(try roundTrip(String?.none) == nil)
        #expect(try roundTrip(42) == 42)
        #expect(try roundTrip(-7 as Int) == -7)
        #expect(try roundTrip(Int64.max) == Int64.max)
        #expect(try roundTrip(Int64.min) == Int64.min)
        #expect(try roundTrip(3.25) == 3.25)
        #expect(try roundTrip(-0.1) == -0.1)
        #expect(try roundTrip(true) == true)
        #expect(try roundTrip(false) == false)
        #expect(try roundTrip("Niñas y niños de Ciudad Bolívar 🧒🏽👩‍👧") == "Niñas y niños de Ciudad Bolívar 🧒🏽👩‍👧")
        #expect(try roundTrip("") == "")
        #expect(try roundTrip([0, 1, 0, 255, 128] as [UInt8]) == [0, 1, 0, 255, 128])
        #expect(try roundTrip([] as [UInt8]) == [])
        #expect(try roundTrip(Int?.some(5)) == 5)
    }

    @Test func storesEachTypeAsItsSQLiteType() throws {
        let database = try database()
        let values: [any SQLValueConvertible] = [String?.none, 1, Int64(2), 2.5, true, "texto", [9, 8] as [UInt8]]
        for value in values { try database.execute("INSERT INTO t (v) VALUES (?)", [value]) }
        let types: [String] = try database.query("SELECT typeof(v) FROM t ORDER BY rowid").map { try $0.get(0) }
        #expect(types == ["null", "integer", "integer", "real", "integer", "text", "blob"])
        let stored = try database.query("SELECT v FROM t ORDER BY rowid").map(\.values[0])
        #expect(stored == [.null, .integer(1), .integer(2), .real(2.5), .integer(1), .text("texto"), .blob([9, 8])])
    }

    @Test func readsColumnsByName() throws {
        let row = try #require(try Database(location: .inMemory).query("SELECT 'Kennedy' AS nombre, 8 AS numero").first)
        #expect(try row.get("nombre") == "Kennedy")
        #expect(try row.get("numero", as: Int.self) == 8)
        #expect(row.columnNames == ["nombre", "numero"])
    }

    @Test func textThatLooksLikeSQLIsStoredVerbatim() throws {
        let database = try database()
        let hostile = "'; DROP TABLE t; --"
        try database.execute("INSERT INTO t (v) VALUES (?)", [hostile])
        try database.execute("INSERT INTO t (v) VALUES (?)", ["\"); DELETE FROM t; SELECT (\""])
        #expect(try database.scalar("SELECT v FROM t WHERE v = ?", [hostile], as: String.self) == hostile)
        #expect(try database.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
    }

    @Test
    func textWithANulCharacterIsStoredWhole() throws {
        #expect(try roundTrip("antes\u{0}después") == "antes\u{0}después")
    }

    @Test func reusesAPreparedStatement() throws {
        let database = try database()
        let insert = try database.prepare("INSERT INTO t (v) VALUES (?)")
        for number in 1...5 { try insert.run([number]) }
        let select = try database.prepare("SELECT v FROM t WHERE v >= ? ORDER BY v")
        #expect(try select.rows([4]).map { try $0.get(0, as: Int.self) } == [4, 5])
        #expect(try select.rows([2]).map { try $0.get(0, as: Int.self) } == [2, 3, 4, 5])
        #expect(try select.rows([9]).isEmpty)
        var seen: [Int] = []
        try select.forEachRow([3]) { seen.append(try $0.get(0)) }
        #expect(seen == [3, 4, 5])
    }

    @Test func countsChangedRows() throws {
        let database = try database()
        for number in 1...4 { try database.execute("INSERT INTO t (v) VALUES (?)", [number]) }
        try database.execute("DELETE FROM t WHERE v > ?", [1])
        #expect(database.changes == 3)
    }

    @Test func emptyBlobIsStoredAsAnEmptyBlobNotNull() throws {
        let database = try Database(location: .inMemory)
        try database.execute("CREATE TABLE b (bytes BLOB NOT NULL)")
        try database.execute("INSERT INTO b (bytes) VALUES (?)", [[] as [UInt8]])
        #expect(try database.scalar("SELECT typeof(bytes) FROM b", as: String.self) == "blob")
        #expect(try database.scalar("SELECT bytes FROM b", as: [UInt8].self) == [])
    }

    // MARK: - Errors

    @Test func wrongParameterCountIsRefused() throws {
        let database = try database()
        let sql = "INSERT INTO t (v) VALUES (?)"
        let tooFew = try #require(#expect(throws: DatabaseError.self) { try database.execute(sql) })
        #expect(tooFew.sql == sql)
        #expect(tooFew.extendedCode == 25)  // SQLITE_RANGE
        #expect(throws: DatabaseError.self) { try database.execute(sql, [1, 2]) }
        #expect(try database.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
    }

    @Test func syntaxErrorCarriesSQLiteMessageAndSQL() throws {
        let database = try database()
        let error = try #require(#expect(throws: DatabaseError.self) { try database.execute("SELEC v FROM t") })
        #expect(error.resultCode == .error)
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == "SELEC v FROM t")
        #expect(error.description.contains("SELEC v FROM t"))
        #expect(ResultCode.error ~= error)
        #expect(!(ResultCode.constraint ~= error))
    }

    @Test func uniqueViolationIsAConstraintErrorUsableInCatch() throws {
        let database = try Database(location: .inMemory)
        try database.execute("CREATE TABLE u (x TEXT UNIQUE)")
        try database.execute("INSERT INTO u (x) VALUES (?)", ["kennedy"])
        var matched = false
        do {
            try database.execute("INSERT INTO u (x) VALUES (?)", ["kennedy"])
        } catch ResultCode.constraint {
            matched = true
        }
        #expect(matched)
        let error = try #require(#expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO u (x) VALUES (?)", ["kennedy"])
        })
        #expect(error.resultCode == .constraint)
        #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.message.contains("UNIQUE constraint failed: u.x"))
        #expect(error.sql == "INSERT INTO u (x) VALUES (?)")
    }

    @Test func scriptErrorsAreDatabaseErrors() throws {
        let database = try database()
        let error = try #require(#expect(throws: DatabaseError.self) {
            try database.executeScript("CREATE TABLE a (x); CREATE TABLE a (y);")
        })
        #expect(error.message.contains("already exists"))
        #expect(error.sql?.contains("CREATE TABLE a (y)") == true)
    }

    @Test func readingAColumnAsTheWrongTypeThrows() throws {
        let row = try #require(try Database(location: .inMemory).query("SELECT 'ocho' AS n, NULL AS vacio").first)
        let wrongType = try #require(#expect(throws: DatabaseError.self) { try row.get(0, as: Int.self) })
        #expect(wrongType.resultCode == .mismatch)
        #expect(throws: DatabaseError.self) { try row.get(0, as: [UInt8].self) }
        #expect(throws: DatabaseError.self) { try row.get(1, as: String.self) }
        #expect(throws: DatabaseError.self) { try row.get(2, as: String.self) }
        #expect(throws: DatabaseError.self) { try row.get("numero", as: String.self) }
        #expect(try row.get(1, as: String?.self) == nil)
    }

    // MARK: - scalar

    @Test func scalarWithoutRowsIsNil() throws {
        let database = try database()
        #expect(try database.scalar("SELECT v FROM t", as: Int.self) == nil)
        try database.execute("INSERT INTO t (v) VALUES (NULL)")
        #expect(try database.scalar("SELECT v FROM t", as: Int.self) == nil)
        #expect(try database.scalar("SELECT 1 + ?", [1], as: Int.self) == 2)
    }

    // MARK: - Transactions

    @Test func transactionCommitsWhenBodyReturns() throws {
        let database = try database()
        let result = try database.transaction {
            try database.execute("INSERT INTO t (v) VALUES (?)", ["guardado"])
            return 7
        }
        #expect(result == 7)
        #expect(try database.scalar("SELECT v FROM t", as: String.self) == "guardado")
    }

    @Test func transactionRollsBackWhenBodyThrows() throws {
        let database = try database()
        try database.execute("INSERT INTO t (v) VALUES (?)", ["antes"])
        #expect(throws: TestError.self) {
            try database.transaction {
                try database.execute("INSERT INTO t (v) VALUES (?)", ["durante"])
                try database.execute("DELETE FROM t WHERE v = ?", ["antes"])
                throw TestError()
            }
        }
        #expect(try database.query("SELECT v FROM t").map { try $0.get(0, as: String.self) } == ["antes"])
        // The connection is usable again, outside any transaction.
        try database.transaction { try database.execute("INSERT INTO t (v) VALUES (?)", ["después"]) }
        #expect(try database.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
    }

    @Test func nestedTransactionFailureUndoesOnlyTheInnerWork() throws {
        let database = try database()
        try database.transaction {
            try database.execute("INSERT INTO t (v) VALUES (?)", ["exterior"])
            do {
                try database.transaction {
                    try database.execute("INSERT INTO t (v) VALUES (?)", ["interior"])
                    throw TestError()
                }
            } catch is TestError {}
            try database.transaction {
                try database.execute("INSERT INTO t (v) VALUES (?)", ["interior bien"])
            }
        }
        let values = try database.query("SELECT v FROM t ORDER BY rowid").map { try $0.get(0, as: String.self) }
        #expect(values == ["exterior", "interior bien"])
    }

    @Test func outerFailureUndoesCommittedInnerWork() throws {
        let database = try database()
        #expect(throws: TestError.self) {
            try database.transaction {
                try database.transaction { try database.execute("INSERT INTO t (v) VALUES (?)", ["interior"]) }
                throw TestError()
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
    }

    /// A COMMIT can fail (a deferred constraint, a full disk): the transaction must then be rolled
    /// back and the connection stay usable.
    @Test
    func failedCommitRollsBackAndKeepsTheConnectionUsable() throws {
        let database = try Database(location: .inMemory)
        try database.executeScript("""
            CREATE TABLE padre (id INTEGER PRIMARY KEY);
            CREATE TABLE hijo (padre INTEGER REFERENCES padre(id) DEFERRABLE INITIALLY DEFERRED);
            """)
        let error = try #require(#expect(throws: DatabaseError.self) {
            try database.transaction { try database.execute("INSERT INTO hijo (padre) VALUES (?)", [7]) }
        })
        #expect(error.resultCode == .constraint)
        #expect(try database.scalar("SELECT count(*) FROM hijo", as: Int.self) == 0, "the failed transaction is rolled back")
        try database.transaction { try database.execute("INSERT INTO padre (id) VALUES (?)", [1]) }
        #expect(try database.scalar("SELECT count(*) FROM padre", as: Int.self) == 1)
    }

    private struct TestError: Error {}
}
