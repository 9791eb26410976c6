// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PlanSettings, RoundClock, PlanState, Participant, LifetimeSpend, LedgerGlobals} from "./LedgerTypes.sol";

/// @title One SLOAD and one SSTORE per packed slot.
/// @notice The legacy code generator copies a packed struct between storage and memory field by
/// field: a commit read its participant slot eleven times and wrote it ten (each warm access 100 gas,
/// EIP-2929). These load and store a whole slot at once. The bit layout is Solidity's own for these
/// structs (fields from the low-order bits up, in declaration order; Solidity docs, "Layout of State
/// Variables in Storage"), so field access through a storage pointer elsewhere stays valid.
library PackedSlots {
    function load(Participant storage ps) internal view returns (Participant memory p) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(ps.slot)
        }
        p.status = uint8(w);
        p.index = uint8(w >> 8);
        p.lastCommit = uint24(w >> 16);
        p.lastAggregateVote = uint24(w >> 40);
        p.lastScoresVote = uint24(w >> 64);
        p.votedScoresBefore = uint8(w >> 88) != 0;
        p.charged = uint24(w >> 96);
        p.history = uint32(w >> 120);
        p.maxSamples = uint48(w >> 152);
        p.netScore = int48(uint48(w >> 200));
    }

    function store(Participant storage ps, Participant memory p) internal {
        uint256 w = uint256(p.status) | uint256(p.index) << 8 | uint256(p.lastCommit) << 16 | uint256(p.lastAggregateVote) << 40
            | uint256(p.lastScoresVote) << 64 | (p.votedScoresBefore ? uint256(1) << 88 : 0) | uint256(p.charged) << 96
            | uint256(p.history) << 120 | uint256(p.maxSamples) << 152 | uint256(uint48(p.netScore)) << 200;
        assembly ("memory-safe") {
            sstore(ps.slot, w)
        }
    }

    /// @dev The plan's settings and clock slots, one SLOAD each, straight into the working state.
    function load(PlanSettings storage ts, RoundClock storage cs) internal view returns (PlanState memory s) {
        uint256 t;
        uint256 c;
        assembly ("memory-safe") {
            t := sload(ts.slot)
            c := sload(cs.slot)
        }
        s.currentRound = uint24(c);
        s.roundOpenedAt = uint40(c >> 24);
        s.committedLive = uint8(c >> 64);
        s.committedTotal = uint8(c >> 72);
        s.tallies = uint168(c >> 80);
        s.participants = uint8(t);
        s.invited = uint8(t >> 8);
        s.status = uint8(t >> 16);
        s.minParticipants = uint8(t >> 24);
        s.quorumPercent = uint8(t >> 32);
        s.scoresLag = uint8(t >> 40);
        s.setupRounds = uint8(t >> 48);
        s.commitWindow = uint32(t >> 56);
        s.totalRounds = uint24(t >> 88);
        s.chargeLimit = uint24(t >> 112);
        s.epsilonPerRound = uint32(t >> 136);
        s.datasetId = uint32(t >> 168);
        s.removalsSeen = uint32(t >> 200);
        s.kind = uint8(t >> 232);
        s.bufferSize = uint8(t >> 240);
    }

    function storeClock(RoundClock storage cs, PlanState memory s) internal {
        uint256 w = uint256(s.currentRound) | uint256(s.roundOpenedAt) << 24 | uint256(s.committedLive) << 64
            | uint256(s.committedTotal) << 72 | uint256(s.tallies) << 80;
        assembly ("memory-safe") {
            sstore(cs.slot, w)
        }
    }

    function storeSettings(PlanSettings storage ts, PlanState memory s) internal {
        uint256 w = uint256(s.participants) | uint256(s.invited) << 8 | uint256(s.status) << 16 | uint256(s.minParticipants) << 24
            | uint256(s.quorumPercent) << 32 | uint256(s.scoresLag) << 40 | uint256(s.setupRounds) << 48 | uint256(s.commitWindow) << 56
            | uint256(s.totalRounds) << 88 | uint256(s.chargeLimit) << 112 | uint256(s.epsilonPerRound) << 136
            | uint256(s.datasetId) << 168 | uint256(s.removalsSeen) << 200 | uint256(s.kind) << 232
            | uint256(s.bufferSize) << 240;
        assembly ("memory-safe") {
            sstore(ts.slot, w)
        }
    }

    function load(LifetimeSpend storage ls) internal view returns (LifetimeSpend memory l) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(ls.slot)
        }
        l.spent = uint64(w);
        l.budget = uint64(w >> 64);
        l.epoch = uint32(w >> 128);
    }

    function store(LifetimeSpend storage ls, LifetimeSpend memory l) internal {
        uint256 w = uint256(l.spent) | uint256(l.budget) << 64 | uint256(l.epoch) << 128;
        assembly ("memory-safe") {
            sstore(ls.slot, w)
        }
    }

    function load(LedgerGlobals storage gs) internal view returns (LedgerGlobals memory g) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(gs.slot)
        }
        g.removalCount = uint32(w);
        g.budgetEpoch = uint32(w >> 32);
        g.defaultLifetimeBudget = uint64(w >> 64);
        g.maxRewardPool = uint128(w >> 128);
    }
}
