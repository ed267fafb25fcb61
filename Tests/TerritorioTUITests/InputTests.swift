import Testing
@testable import TerritorioTUI

/// Keys, the action table, the list cursor and the text field: input logic without a terminal.
@Suite("Input")
struct InputTests {
    // MARK: - Keymap

    @Test("while typing a search every printable key is text; F1, Esc, Enter and arrows still act")
    func searchKeys() {
        for character in ["q", "j", "k", "?", "/", "ñ", "á", "ü", " ", "作"] as [Character] {
            #expect(KeyMap.action(for: .character(character), in: .search) == .insert(character))
            #expect(KeyMap.action(for: .character(character), in: .picker) == .insert(character))
        }
        #expect(KeyMap.action(for: .function(1), in: .search) == .help)
        #expect(KeyMap.action(for: .escape, in: .search) == .back)
        #expect(KeyMap.action(for: .enter, in: .search) == .open)
        #expect(KeyMap.action(for: .down, in: .search) == .moveDown)
        #expect(KeyMap.action(for: .control("c"), in: .search) == .quit)
    }

    @Test("with the list focused, letters are commands")
    func listKeys() {
        #expect(KeyMap.action(for: .character("q"), in: .list) == .quit)
        #expect(KeyMap.action(for: .character("?"), in: .list) == .help)
        #expect(KeyMap.action(for: .character("j"), in: .list) == .moveDown)
        #expect(KeyMap.action(for: .character("k"), in: .list) == .moveUp)
        #expect(KeyMap.action(for: .character("/"), in: .list) == .search)
        #expect(KeyMap.action(for: .character("m"), in: .detail) == .showToCitizen)
        #expect(KeyMap.action(for: .character("z"), in: .list) == nil)
        #expect(KeyMap.action(for: .unknown, in: .list) == nil)
    }

    @Test("no key is bound twice on the same screen")
    func noDuplicateBindings() {
        for context in KeyContext.allCases {
            var seen: Set<Key> = []
            for spec in ActionSpec.all where spec.contexts.contains(context) {
                for key in spec.keys {
                    #expect(!seen.contains(key), "\(key.label) is bound twice in \(context)")
                    seen.insert(key)
                }
            }
        }
    }

    @Test("every screen can be left, asks for help with F1 and shows footer hints")
    func everyScreenHasAWayOut() {
        for context in KeyContext.allCases {
            let actions = Set([Key.escape, .character("q"), .control("c")].compactMap { KeyMap.action(for: $0, in: context) })
            #expect(actions.contains(.quit) || actions.contains(.back), "\(context)")
            #expect(KeyMap.action(for: .control("c"), in: context) == .quit, "\(context)")
            if context != .tooSmall, context != .help {
                #expect(KeyMap.action(for: .function(1), in: context) == .help, "\(context)")
            }
            #expect(!ActionSpec.hints(for: context).isEmpty, "\(context)")
        }
    }

    // MARK: - Terminal bytes

    @Test("character codes from wget_wch become keys")
    func characters() {
        #expect(CursesKeys.character(27) == .escape)
        #expect(CursesKeys.character(13) == .enter)
        #expect(CursesKeys.character(127) == .backspace)
        #expect(CursesKeys.character(3) == .control("c"))
        #expect(CursesKeys.character(21) == .control("u"))
        #expect(CursesKeys.character(0) == .unknown)
        #expect(CursesKeys.character(0x1F) == .unknown)
        #expect(CursesKeys.character(0x85) == .unknown)
        #expect(CursesKeys.character(0xF1) == .character("ñ"))
        #expect(CursesKeys.character(0xD800) == .unknown)
        #expect(CursesKeys.character(0x110000) == .unknown)
    }

    @Test("escape sequences terminfo did not know are decoded or ignored, never typed", arguments: [
        ("[4~", Key.end), ("[1~", .home), ("OF", .end), ("OH", .home), ("[F", .end), ("[5~", .pageUp),
        ("[1;5A", .up), ("OP", .function(1)), ("[11~", .function(1)), ("[3~", .delete),
        ("[99~", .unknown), ("[200~", .unknown), ("[M", .unknown), ("O", .unknown), ("[?1;2c", .unknown),
    ])
    func sequences(text: String, key: Key) {
        #expect(CursesKeys.escapeSequence(text.unicodeScalars.map(\.value)) == key)
    }

    // MARK: - List cursor

    @Test("GIVEN 100 rows and 10 visible WHEN paging and jumping THEN the selection stays visible")
    func listCursor() {
        var cursor = ListCursor()
        cursor.resize(count: 100, height: 10)
        cursor.pageDown()
        #expect((cursor.selection, cursor.offset) == (10, 1))
        cursor.last()
        #expect((cursor.selection, cursor.offset) == (99, 90))
        cursor.move(by: 5)
        #expect(cursor.selection == 99)
        cursor.pageUp()
        #expect((cursor.selection, cursor.offset) == (89, 89))
        cursor.first()
        #expect((cursor.selection, cursor.offset) == (0, 0))
        cursor.move(by: -1)
        #expect(cursor.selection == 0)
    }

    @Test("GIVEN a list WHEN ↑, ↓ and the page keys arrive as actions THEN it moves as for the calls; other actions move nothing")
    func listCursorActions() {
        var cursor = ListCursor()
        cursor.resize(count: 100, height: 10)
        #expect(cursor.move(for: .pageDown) && cursor.selection == 10)
        #expect(cursor.move(for: .moveDown) && cursor.selection == 11)
        #expect(cursor.move(for: .moveUp) && cursor.selection == 10)
        #expect(cursor.move(for: .pageUp) && cursor.selection == 0)
        #expect(!cursor.move(for: .open) && !cursor.move(for: .last) && cursor.selection == 0)
    }

    @Test("GIVEN a selection WHEN the list shrinks or empties THEN it is clamped")
    func listCursorShrinks() {
        var cursor = ListCursor()
        cursor.resize(count: 50, height: 5)
        cursor.select(40)
        cursor.resize(count: 12, height: 5)
        #expect((cursor.selection, cursor.offset) == (11, 7))
        cursor.resize(count: 0, height: 5)
        #expect((cursor.selection, cursor.offset) == (0, 0))
    }

    // MARK: - Text field

    @Test("a text field edits at its end and refuses text past its limit")
    func textField() {
        var field = TextField(limit: 12)
        for character in "habitante calle" { field.insert(character) }
        #expect(field.text == "habitante ca")
        let accepted = field.insert("x")
        #expect(!accepted)
        field.deleteWord()
        #expect(field.text == "habitante ")
        field.deleteWord()
        #expect(field.text == "")
        field.deleteBackward()
        #expect(field.text == "")
    }

    @Test("typing actions edit a text field; a character past the limit is refused; other actions are not typing")
    func textFieldActions() {
        var field = TextField(limit: 4)
        field.replace(with: "niño feliz")
        #expect(field.text == "niño")
        #expect(field.edit(.insert("s")) == false && field.text == "niño")
        #expect(field.edit(.deleteBackward) == true && field.text == "niñ")
        #expect(field.edit(.insert(" ")) == true && field.edit(.deleteWord) == true && field.text == "")
        field.replace(with: "ab")
        #expect(field.edit(.clearField) == true && field.text == "")
        #expect(field.edit(.moveDown) == nil)
    }
}
