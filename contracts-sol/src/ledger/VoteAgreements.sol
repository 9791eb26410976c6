// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {PlanSchedule} from "./PlanSchedule.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title Quorum agreement on a round's aggregate hash and on its score-vector hash.
/// @notice Votes ride on commits (round r votes the aggregate of r - 1 and the scores of
/// r - scoresLag); `voteAggregate` / `voteScores` cover the last rounds and catching up. A hash is
/// agreed once ceil(participants * quorumPercent / 100) participants voted for it. A vote for any
/// other hash emits `Dissent`, so disagreement stays on the record.
/// @dev Tallies live in a ring of the last RING rounds per kind, packed into one word per plan
/// (8 entries of 32 bits: 23-bit round tag = round + 1, finalised bit, 8-bit vote count) plus the
/// leading hash of each entry. Reusing slots keeps a steady vote at a warm-slot price instead of a
/// fresh 20,000-gas SSTORE (EIP-2200/EIP-2929). Agreed score hashes are copied out of the ring
/// because recording them may come later.
abstract contract VoteAgreements is PlanSchedule {
    uint32 internal constant RING = 4;
    bytes32 internal constant RECORDED = bytes32(uint256(1));

    mapping(uint256 => uint256) internal _tallies;
    mapping(uint256 => bytes32[8]) internal _leading;
    mapping(bytes32 => uint256) internal _otherVotes;
    mapping(uint256 => mapping(uint32 => bytes32)) internal _agreedScores;

    /// @notice Votes on the aggregate (new global model) hash of a closed round.
    function voteAggregate(uint256 planId, uint32 round, bytes32 aggregateHash) external {
        _standaloneVote(planId, KIND_AGGREGATE, round, aggregateHash);
    }

    /// @notice Votes on the score-vector hash (see `scoresHash`) of a closed round.
    function voteScores(uint256 planId, uint32 round, bytes32 scoresHash_) external {
        _standaloneVote(planId, KIND_SCORES, round, scoresHash_);
    }

    /// @notice The leading hash of a round still in the ring, its votes, and whether it is agreed.
    function tallyOf(uint256 planId, uint8 kind, uint32 round) external view returns (bytes32 leading, uint8 votes, bool agreed) {
        uint256 index = uint256(kind) * RING + round % RING;
        uint256 entry = (_tallies[planId] >> (index * 32)) & 0xffffffff;
        if (entry >> 9 != uint256(round) + 1) return (bytes32(0), 0, false);
        return (_leading[planId][index], uint8(entry), (entry >> 8) & 1 == 1);
    }

    /// @notice The agreed score-vector hash of a round, and whether its scores were recorded.
    function agreedScores(uint256 planId, uint32 round) external view returns (bytes32 hash, bool recorded) {
        hash = _agreedScores[planId][round];
        recorded = hash == RECORDED;
    }

    function _standaloneVote(uint256 planId, uint8 kind, uint32 round, bytes32 hash) private {
        PlanState memory s = _loadState(planId);
        Participant memory p = _participants[planId][msg.sender];
        if (p.status != PARTICIPANT) revert NotParticipant(planId, msg.sender);
        if (hash == bytes32(0)) revert UnexpectedVote(planId, round, kind);
        _vote(planId, s, p, kind, round, hash);
        _participants[planId][msg.sender] = p;
        emit Voted(planId, round, msg.sender, kind, hash);
    }

    /// @dev Counts msg.sender's vote; updates p's vote marker (the caller stores p).
    function _vote(uint256 planId, PlanState memory s, Participant memory p, uint8 kind, uint32 round, bytes32 hash) internal {
        if (round >= s.currentRound || round + RING <= s.currentRound) revert VoteOutOfWindow(planId, round, kind);
        uint32 tag = round + 1;
        if (kind == KIND_AGGREGATE) {
            if (p.lastAggregateVote >= tag) revert AlreadyVoted(planId, round, msg.sender, kind);
            p.lastAggregateVote = tag;
        } else {
            if (p.lastScoresVote >= tag) revert AlreadyVoted(planId, round, msg.sender, kind);
            p.lastScoresVote = tag;
        }
        _count(planId, _votesNeeded(s), kind, round, hash);
    }

    function _count(uint256 planId, uint256 needed, uint8 kind, uint32 round, bytes32 hash) private {
        uint256 index = uint256(kind) * RING + round % RING;
        (uint256 votes, bool agreed, bytes32 leading) = _readEntry(planId, index, round, hash);

        uint256 count;
        if (hash == leading) {
            if (agreed) return; // agreement already stands: nothing to count
            count = ++votes;
        } else {
            emit Dissent(planId, round, msg.sender, kind, hash, leading);
            if (agreed) return;
            count = ++_otherVotes[keccak256(abi.encode(planId, kind, round, hash))];
        }

        if (count >= needed) {
            agreed = true;
            if (hash != leading) _leading[planId][index] = hash;
            _onAgreed(planId, kind, round, hash, uint16(count));
        }
        uint256 entry = ((uint256(round) + 1) << 9) | (agreed ? 1 << 8 : 0) | votes;
        uint256 shift = index * 32;
        _tallies[planId] = (_tallies[planId] & ~(uint256(0xffffffff) << shift)) | (entry << shift);
    }

    /// @dev The ring entry of `round`; an entry still holding an older round is claimed, with `hash`
    /// (the round's first vote) as its leading hash.
    function _readEntry(uint256 planId, uint256 index, uint32 round, bytes32 hash)
        private
        returns (uint256 votes, bool agreed, bytes32 leading)
    {
        uint256 entry = (_tallies[planId] >> (index * 32)) & 0xffffffff;
        if (entry >> 9 == uint256(round) + 1) return (entry & 0xff, (entry >> 8) & 1 == 1, _leading[planId][index]);
        _leading[planId][index] = hash;
        return (0, false, hash);
    }

    function _isAgreed(uint256 planId, uint8 kind, uint32 round, bytes32 hash) internal view returns (bool) {
        uint256 index = uint256(kind) * RING + round % RING;
        uint256 entry = (_tallies[planId] >> (index * 32)) & 0xffffffff;
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
}
