/// The four penalty rules of ISO/IEC 18004 §7.8.3, used to choose the mask
/// that leaves the symbol easiest to read: long runs, 2×2 blocks, shapes
/// that look like finder patterns, and an unbalanced share of dark modules.
///
/// Scored eight times per symbol (once per mask) and for every letter in a
/// print run, so it reads the modules in place rather than copying rows,
/// columns and windows.
enum QRPenalty {
    static func score(_ modules: [Bool], size: Int) -> Int {
        modules.withUnsafeBufferPointer { grid in
            var penalty = 0
            for line in 0..<size {
                let row = Line(grid: grid, start: line * size, stride: 1, count: size)
                let column = Line(grid: grid, start: line, stride: size, count: size)
                penalty += runs(row) + finderLike(row) + runs(column) + finderLike(column)
            }
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let colour = grid[y * size + x]
                    if grid[y * size + x + 1] == colour && grid[(y + 1) * size + x] == colour
                        && grid[(y + 1) * size + x + 1] == colour
                    {
                        penalty += 3
                    }
                }
            }
            var dark = 0
            for module in grid where module { dark += 1 }
            let percent = dark * 100 / grid.count
            penalty += abs(percent - 50) / 5 * 10
            return penalty
        }
    }

    /// A row or a column of the grid, read in place.
    struct Line {
        let grid: UnsafeBufferPointer<Bool>
        let start: Int
        let stride: Int
        let count: Int

        subscript(index: Int) -> Bool { grid[start + index * stride] }
    }

    /// Rule 1: 3 for each run of five alike, plus 1 for each module more.
    static func runs(_ line: Line) -> Int {
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

    /// The 1:1:3:1:1 core of a finder pattern, dark first.
    private static let core: [Bool] = [true, false, true, true, true, false, true]

    /// Rule 3: 40 for each dark-light-dark×3-light-dark with four light modules on one side.
    static func finderLike(_ line: Line) -> Int {
        guard line.count >= 11 else { return 0 }
        func matches(_ start: Int, coreAt offset: Int) -> Bool {
            for index in 0..<11 {
                let inCore = index - offset
                let expected = (0..<7).contains(inCore) ? core[inCore] : false
                if line[start + index] != expected { return false }
            }
            return true
        }
        var penalty = 0
        for start in 0...(line.count - 11) {
            if matches(start, coreAt: 0) { penalty += 40 }  // core, then four light
            if matches(start, coreAt: 4) { penalty += 40 }  // four light, then core
        }
        return penalty
    }
}
