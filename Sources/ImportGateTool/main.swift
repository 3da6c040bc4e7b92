import Foundation

// The checker behind the ImportGate plugin: reads each source file, and
// for every import of a forbidden module prints a compiler-style error
// (file:line) and exits non-zero, which fails the build. On success it
// writes an empty Swift file, the command's declared output.

var arguments = Array(CommandLine.arguments.dropFirst())
var forbidden: Set<String> = []
var output: String?
var target = "the target"
var files: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--forbid": forbidden.insert(arguments.removeFirst())
    case "--output": output = arguments.removeFirst()
    case "--target": target = arguments.removeFirst()
    default: files.append(argument)
    }
}

var violations = 0
for file in files {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        print("\(file):1: error: ImportGate could not read this file")
        violations += 1
        continue
    }
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        guard let module = ImportLine.module(in: line), forbidden.contains(module) else { continue }
        print("\(file):\(index + 1): error: \(target) may not import \(module): reach data through WaymarkApp's use cases instead")
        violations += 1
    }
}
guard violations == 0 else { exit(1) }
if let output {
    let marker = "// \(target): \(files.count) files checked; none imports \(forbidden.sorted().joined(separator: ", ")).\n"
    do {
        try marker.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
        print("error: ImportGate could not write \(output): \(error)")
        exit(1)
    }
}
