import Testing
import WaymarkCore

/// Every transition of the referral lifecycle, and every refusal: each
/// action tried by each side from each state, against the table written out
/// here by hand (not read from the lifecycle), so a change nobody meant fails.
@Suite struct ReferralLifecycleTests {
    static let why = try! ReferralReason("The young person asked us to stop", field: "reason")

    /// One of each action, with a well-formed payload.
    static let actions: [ReferralAction] = [
        .send, .acknowledge, .accept, .decline(.noCapacity, nil), .start, .recordOutcome(.goalsMet, why), .close,
        .withdraw(why), .handBack(why), .reopen(why),
    ]

    /// (action, side, from) → to: everything that is allowed. Anything not here is refused.
    static let allowed: [String: ReferralState] = [
        "send/sender/draft": .sent,
        "acknowledge/receiver/sent": .received,
        "accept/receiver/received": .accepted,
        "decline/receiver/received": .declined,
        "start/receiver/accepted": .active,
        "record-outcome/receiver/active": .outcomeRecorded,
        "close/sender/outcome-recorded": .closed,
        "close/receiver/outcome-recorded": .closed,
        "withdraw/sender/draft": .withdrawn,
        "withdraw/sender/sent": .withdrawn,
        "withdraw/sender/received": .withdrawn,
        "withdraw/sender/accepted": .withdrawn,
        "withdraw/sender/active": .withdrawn,
        "hand-back/receiver/accepted": .handedBack,
        "hand-back/receiver/active": .handedBack,
        "reopen/sender/closed": .active,
        "reopen/receiver/closed": .active,
    ]

    /// Which sides may ever take each action.
    static let sides: [ReferralActionKind: Set<ReferralSide>] = [
        .send: [.sender], .acknowledge: [.receiver], .accept: [.receiver], .decline: [.receiver], .start: [.receiver],
        .recordOutcome: [.receiver], .close: [.sender, .receiver], .withdraw: [.sender], .handBack: [.receiver], .reopen: [.sender, .receiver],
    ]

    @Test func everyActionBySideFromStateIsAllowedExactlyAsTheTableSays() {
        var tried = 0
        for action in Self.actions {
            for side in ReferralSide.allCases {
                for state in ReferralState.allCases {
                    tried += 1
                    let key = "\(action.kind.rawValue)/\(side.rawValue)/\(state.rawValue)"
                    let result = ReferralLifecycle.apply(action, to: state, by: side)
                    if let expected = Self.allowed[key] {
                        #expect(result == .success(expected), "\(key)")
                    } else if Self.sides[action.kind]?.contains(side) == true {
                        #expect(result == .failure(.wrongState(action.kind, state: state)), "\(key) is refused for the state")
                    } else {
                        #expect(result == .failure(.wrongSide(action.kind, side: side)), "\(key) is refused for the side")
                    }
                }
            }
        }
        #expect(tried == 10 * 3 * 10)
    }

    @Test func nobodyOutsideTheTwoServicesMayDoAnything() {
        for action in Self.actions {
            for state in ReferralState.allCases {
                #expect(ReferralLifecycle.apply(action, to: state, by: .neither) == .failure(.wrongSide(action.kind, side: .neither)))
            }
            #expect(ReferralLifecycle.available(to: .neither, in: .draft).isEmpty)
        }
    }

    @Test func theHappyPathRunsFromDraftToClosedAndReopens() throws {
        var state = ReferralState.draft
        let steps: [(ReferralAction, ReferralSide, ReferralState)] = [
            (.send, .sender, .sent), (.acknowledge, .receiver, .received), (.accept, .receiver, .accepted), (.start, .receiver, .active),
            (.recordOutcome(.goalsPartlyMet, Self.why), .receiver, .outcomeRecorded), (.close, .sender, .closed), (.reopen(Self.why), .receiver, .active),
        ]
        for (action, side, expected) in steps {
            state = try ReferralLifecycle.apply(action, to: state, by: side).get()
            #expect(state == expected)
        }
    }

    @Test func declinedWithdrawnAndHandedBackAreEnds() {
        for end in [ReferralState.declined, .withdrawn, .handedBack] {
            #expect(!end.isOpen && !end.involvesReceiver)
            #expect(ReferralLifecycle.available(to: .sender, in: end).isEmpty)
            #expect(ReferralLifecycle.available(to: .receiver, in: end).isEmpty)
        }
    }

    @Test func declineForAnOtherReasonNeedsWords() throws {
        #expect(ReferralLifecycle.apply(.decline(.other, nil), to: .received, by: .receiver) == .failure(.declineNeedsWords))
        #expect(ReferralLifecycle.apply(.decline(.other, Self.why), to: .received, by: .receiver) == .success(.declined))
        #expect(ReferralLifecycle.apply(.decline(.notEligible, nil), to: .received, by: .receiver) == .success(.declined))
    }

    @Test func whatEachSideIsOfferedFollowsTheTable() {
        #expect(ReferralLifecycle.available(to: .sender, in: .draft) == [.send, .withdraw])
        #expect(ReferralLifecycle.available(to: .receiver, in: .received) == [.accept, .decline])
        #expect(ReferralLifecycle.available(to: .receiver, in: .active) == [.recordOutcome, .handBack])
        #expect(ReferralLifecycle.available(to: .sender, in: .active) == [.withdraw])
        #expect(ReferralLifecycle.available(to: .sender, in: .outcomeRecorded) == [.close])
        #expect(ReferralLifecycle.available(to: .receiver, in: .closed) == [.reopen])
    }

    @Test func refusalsSayWhoMayAndWhy() {
        #expect(ReferralRefusal.wrongSide(.accept, side: .sender).description
            == "Only the service it was sent to can accept this referral, and you are the referring service.")
        #expect(ReferralRefusal.wrongSide(.close, side: .neither).description
            == "Only the referring service or the service it was sent to can close this referral, and you are neither service.")
        #expect(ReferralRefusal.wrongState(.accept, state: .closed).description == "This referral is closed: it cannot be accepted now.")
    }

    @Test func onlyStatesWhereTheReceiverWorksPutThemOnTheRegister() {
        #expect(ReferralState.allCases.filter(\.involvesReceiver) == [.accepted, .active, .outcomeRecorded])
        #expect(ReferralState.allCases.filter(\.isOpen) == [.sent, .received, .accepted, .active, .outcomeRecorded])
    }
}
