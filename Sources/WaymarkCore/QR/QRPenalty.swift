/// The four penalty rules of ISO/IEC 18004 §7.8.3, used to choose the mask
/// that leaves the symbol easiest to read: long runs, 2×2 blocks, shapes
/// that look like finder patterns, and an unbalanced share of dark modules.
enum QRPenalty {
    static func score(_ modules: [Bool], size: Int) -> Int {
        func at(_ x: Int, _ y: Int) -> Bool { modules[y * size + x] }
        var penalty = 0
        for line in 0..<size {
            let row = (0..<size).map { at($0, line) }
            let column = (0..<size).map { at(line, $0) }
            penalty += runs(row) + finderLike(row) + runs(column) + finderLike(column)
        }
        for y in 0..<size - 1 {
            for x in 0..<size - 1 {
                let colour = at(x, y)
                if at(x + 1, y) == colour && at(x, y + 1) == colour && at(x + 1, y + 1) == colour { penalty += 3 }
            }
        }
        let dark = modules.filter { $0 }.count
        let percent = dark * 100 / modules.count
        penalty += abs(percent - 50) / 5 * 10
        return penalty
    }

    /// Rule 1: 3 for each run of five alike, plus 1 for each module more.
    static func runs(_ line: [Bool]) -> Int {
        var penalty = 0
        var length = 1
        for index in 1...line.count {
            if index < line.count && line[index] == line[index - 1] {
                length += 1
            } else {
                if length >= 5 { penalty += 3 + (length - 5) }
                length = 1
            }
        }
        return penalty
    }

    /// Rule 3: 40 for each dark-light-dark×3-light-dark with four light modules on one side.
    static func finderLike(_ line: [Bool]) -> Int {
        let core: [Bool] = [true, false, true, true, true, false, true]
        let light = [Bool](repeating: false, count: 4)
        let patterns = [core + light, light + core]
        var penalty = 0
        guard line.count >= 11 else { return 0 }
        for start in 0...(line.count - 11) {
            let window = Array(line[start..<start + 11])
            penalty += patterns.filter { $0 == window }.count * 40
        }
        return penalty
    }
}
