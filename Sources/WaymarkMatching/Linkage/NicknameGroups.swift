/// Joins nickname groups that share a form (Harry: Harold, Henry, Harrison)
/// into one family with one representative, so a blocking key on a given name
/// puts Bill, Will and William together. Comparison uses the finer
/// ``Nicknames/related(_:_:)``; blocking only needs them to meet.
enum NicknameGroups {
    static func representative(of token: String) -> String {
        representatives[token] ?? token
    }

    static let representatives: [String: String] = {
        var parent: [String: String] = [:]
        func find(_ name: String) -> String {
            var root = name
            while let next = parent[root], next != root { root = next }
            return root
        }
        func union(_ a: String, _ b: String) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb {
                // The smaller name leads, so the representative does not depend on table order.
                if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
            }
        }
        for (name, variants) in Nicknames.groups {
            if parent[name] == nil { parent[name] = name }
            for variant in variants {
                if parent[variant] == nil { parent[variant] = variant }
                union(name, variant)
            }
        }
        var result: [String: String] = [:]
        for name in parent.keys { result[name] = find(name) }
        return result
    }()
}
