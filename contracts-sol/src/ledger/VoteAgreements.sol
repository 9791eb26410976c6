// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PlanSchedule} from "./PlanSchedule.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title Quorum agreement on a round's aggregate hash and on its score-vector hash.
/// @notice Votes ride on commits (round r votes the aggregate of r - 1 and the scores of
/// r - scoresLag); `voteAggregate` / `voteScores` cover the last rounds and catching up. A hash is
/// agreed once max(2, ceil(live participants * quorumPercent / 100)) participants voted for it. A
/// vote for any other hash emits `Dissent`, so disagreement stays on the record.
/// @dev Tallies live in a ring of recent rounds (2 for aggregates, 3 for scores) packed into the
/// plan's clock slot, which every commit writes anyway: 5 entries of 33 bits (24-bit round tag =
/// round + 1, agreed bit, 8-bit vote count), plus each entry's leading hash. Reusing slots keeps a
/// steady vote at warm-slot prices instead of a fresh 20,000-gas SSTORE (EIP-2200, EIP-2929).
/// Agreed score hashes are copied out of the ring because recording them may come later.
abstract contract VoteAgreements is PlanSchedule {
    uint32 internal constant AGGREGATE_RING = 2;
    uint32 internal constant SCORES_RING = 3;
    uint256 private constant ENTRY_BITS = 33;
    uint256 private constant ENTRY_MASK = (1 << ENTRY_BITS) - 1;
    /// @dev Marks a round whose scores were recorded; no vote may name it.
    bytes32 internal constant RECORDED = bytes32(uint256(1));

    mapping(uint256 => bytes32[5]) internal _leading;
    mapping(bytes32 => uint256) internal _otherVotes;
    /// @dev keccak(plan, kind, round, voter) => the hash of a dissenting vote, so a removal can undo it.
    mapping(bytes32 => bytes32) internal _dissents;
    mapping(uint256 => mapping(uint32 => bytes32)) internal _agreedScores;

    /// @dev The leading hash of a round still in the ring, its votes, and whether it is agreed.
    function _tallyOf(uint256 planId, uint8 kind, uint32 round) internal view returns (bytes32 leading, uint8 votes, bool agreed) {
        uint256 index = _index(kind, round);
        uint256 entry = _entry(_clock[planId].tallies, index);
        if (entry >> 9 != uint256(round) + 1) return (bytes32(0), 0, false);
        return (_leading[planId][index], uint8(entry), (entry >> 8) & 1 == 1);
    }

    /// @dev A vote outside a commit: the last rounds after the plan completed, or catching up.
    function _standaloneVote(uint256 planId, uint8 kind, uint32 round, bytes32 hash) internal {
        (PlanState memory s, bool dirty) = _loadLive(planId);
        Participant memory p = _participants[planId][msg.sender].load();
        if (hash == bytes32(0)) revert UnexpectedVote(planId, round, kind);
        _vote(planId, s, p, kind, round, hash);
        _participants[planId][msg.sender].store(p);
        _store(planId, s, dirty);
        emit Voted(planId, round, msg.sender, kind, hash);
    }

    /// @dev Counts msg.sender's vote into s.tallies; updates p's vote marker (the caller stores s and p).
    function _vote(uint256 planId, PlanState memory s, Participant memory p, uint8 kind, uint32 round, bytes32 hash) internal {
        if (hash == RECORDED) revert ReservedHash(hash);
        uint32 ring = kind == KIND_AGGREGATE ? AGGREGATE_RING : SCORES_RING;
        if (round >= s.currentRound || round + ring <= s.currentRound) revert VoteOutOfWindow(planId, round, kind);
        uint24 tag = uint24(round + 1);
        if (kind == KIND_AGGREGATE) {
            if (p.lastAggregateVote >= tag) revert AlreadyVoted(planId, round, msg.sender, kind);
            p.lastAggregateVote = tag;
        } else {
            if (p.lastScoresVote >= tag) revert AlreadyVoted(planId, round, msg.sender, kind);
            p.votedScoresBefore = p.lastScoresVote + 1 == tag;
            p.lastScoresVote = tag;
        }
        _count(planId, s, kind, round, hash);
    }

    function _count(uint256 planId, PlanState memory s, uint8 kind, uint32 round, bytes32 hash) private {
        uint256 index = _index(kind, round);
        uint256 entry = _entry(s.tallies, index);
        uint256 votes;
        bool agreed;
        bytes32 leading;
        if (entry >> 9 == uint256(round) + 1) {
            votes = entry & 0xff;
            agreed = (entry >> 8) & 1 == 1;
            leading = _leading[planId][index];
        } else {
            leading = hash; // the round's first vote claims the ring entry
            _leading[planId][index] = hash;
        }

        uint256 count;
        if (hash == leading) {
            if (agreed) return; // agreement already stands: nothing to count
            count = ++votes;
        } else {
            emit Dissent(planId, round, msg.sender, kind, hash, leading);
            if (agreed) return;
            _dissents[keccak256(abi.encode(planId, kind, round, msg.sender))] = hash;
            count = ++_otherVotes[keccak256(abi.encode(planId, kind, round, hash))];
        }

        if (count >= _votesNeeded(s)) {
            agreed = true;
            if (hash != leading) _leading[planId][index] = hash;
            _onAgreed(planId, kind, round, hash, uint16(count));
        }
        _setEntry(s, index, round, agreed, votes);
    }

    /// @dev Takes a removed participant's votes out of the tallies that are still open: its last aggregate
    /// vote, and its last one or two score votes.
    function _undoTallyVotes(uint256 planId, PlanState memory s, Participant memory p, address account) internal {
        if (p.lastAggregateVote != 0) _undo(planId, s, KIND_AGGREGATE, uint32(p.lastAggregateVote) - 1, account);
        if (p.lastScoresVote != 0) {
            _undo(planId, s, KIND_SCORES, uint32(p.lastScoresVote) - 1, account);
            if (p.votedScoresBefore) _undo(planId, s, KIND_SCORES, uint32(p.lastScoresVote) - 2, account);
        }
    }

    function _undo(uint256 planId, PlanState memory s, uint8 kind, uint32 round, address account) private {
        uint256 index = _index(kind, round);
        uint256 entry = _entry(s.tallies, index);
        if (entry >> 9 != uint256(round) + 1 || (entry >> 8) & 1 == 1) return; // no longer open, or agreed
        bytes32 key = keccak256(abi.encode(planId, kind, round, account));
        bytes32 dissent = _dissents[key];
        if (dissent != bytes32(0)) {
            _otherVotes[keccak256(abi.encode(planId, kind, round, dissent))] -= 1;
            delete _dissents[key];
        } else {
            _setEntry(s, index, round, false, (entry & 0xff) - 1);
        }
    }

    function _isAgreed(uint256 planId, PlanState memory s, uint8 kind, uint32 round, bytes32 hash) internal view returns (bool) {
        uint256 index = _index(kind, round);
        uint256 entry = _entry(s.tallies, index);
        return entry >> 9 == uint256(round) + 1 && (entry >> 8) & 1 == 1 && _leading[planId][index] == hash;
    }

    function _onAgreed(uint256 planId, uint8 kind, uint32 round, bytes32 hash, uint16 votes) private {
        if (kind == KIND_AGGREGATE) {
            emit AggregateFinalised(planId, round, hash, votes);
        } else {
            _agreedScores[planId][round] = hash;
            emit ScoresAgreed(planId, round, hash, votes);
        }
    }

    function _setEntry(PlanState memory s, uint256 index, uint32 round, bool agreed, uint256 votes) private pure {
        uint256 entry = ((uint256(round) + 1) << 9) | (agreed ? 1 << 8 : 0) | votes;
        uint256 shift = index * ENTRY_BITS;
        s.tallies = uint168((uint256(s.tallies) & ~(ENTRY_MASK << shift)) | (entry << shift));
    }

    function _index(uint8 kind, uint32 round) private pure returns (uint256) {
        return kind == KIND_AGGREGATE ? round % AGGREGATE_RING : AGGREGATE_RING + round % SCORES_RING;
    }

    function _entry(uint168 tallies, uint256 index) private pure returns (uint256) {
        return (uint256(tallies) >> (index * ENTRY_BITS)) & ENTRY_MASK;
    }
}
