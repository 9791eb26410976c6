// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {RoundCommits} from "./RoundCommits.sol";
import {PlanState, PlanConfig, Participant} from "./LedgerTypes.sol";
import {RewardToken} from "../rewards/RewardToken.sol";

/// @title Contribution scores and rewards for net contribution, bounded by the plan's pool.
/// @notice No single member can write scores: the participants first agree (quorum of at least two)
/// on the hash of the score vector through their votes; then a participant submits the vector
/// matching it. The ledger only accepts a vector that names exactly the round's committers (less
/// excluded blobs) in ascending address order, with every |score| <= 1e6 and the round's positive
/// scores summing to at most 1e6. Each member's scores add up over the plan (negative rounds
/// count); once every training round's scores are recorded after the plan completed (or, failing
/// that, `settlementWindow` seconds after completion, or once the plan was cancelled) the plan
/// settles, once: each live participant with a positive net score N is minted
///     rewardPool * N / (trainingRounds * 1e6)
/// reward units. Since a member's positive net is at most its positive scores, and those sum to at
/// most 1e6 per recorded round, a plan never mints more than its pool.
abstract contract ScoresAndRewards is RoundCommits {
    RewardToken public immutable rewardToken;

    constructor(RewardToken rewardToken_) {
        rewardToken = rewardToken_;
    }

    /// @dev Records the agreed score vectors of consecutive rounds firstRound.. (one row of
    /// `scores` per round, members.length entries each, all for the same members, ascending). A
    /// participant submits them, once per round, within 32 rounds of the round; the plan settles
    /// in the same transaction when this completes its record.
    function _recordScores(uint256 planId, uint32 firstRound, address[] calldata members, int64[] calldata scores) internal {
        (PlanState memory s, bool dirty) = _loadLive(planId);
        PlanConfig storage c = _config[planId];
        if (c.settled) revert PlanAlreadySettled(planId);
        uint32 rows = _recordRows(planId, s, firstRound, members, scores);
        _addNetScores(planId, firstRound, rows, members, scores);
        emit ScoresRecorded(planId, firstRound, members, scores);

        uint24 recorded = c.recordedRounds + uint24(rows);
        c.recordedRounds = recorded;
        if (s.status == STATUS_COMPLETED && recorded == s.totalRounds - s.setupRounds) _settle(planId, s, c);
        if (dirty) _store(planId, s, true);
    }

    /// @dev Pays the plan's rewards when recording is over: the plan completed and either every
    /// training round's scores are recorded or `settlementWindow` passed, or the plan was cancelled.
    /// A participant calls it; rewards are paid once.
    function _settlePlan(uint256 planId) internal {
        (PlanState memory s, bool dirty) = _loadLive(planId);
        PlanConfig storage c = _config[planId];
        if (c.settled) revert PlanAlreadySettled(planId);
        if (s.status == STATUS_COMPLETED) {
            uint40 notBefore = s.roundOpenedAt + c.settlementWindow;
            if (c.recordedRounds < s.totalRounds - s.setupRounds && _now() < notBefore) revert NotSettleable(planId, notBefore);
        } else if (s.status != STATUS_CANCELLED) {
            revert PlanNotCompleted(planId, s.status);
        }
        _settle(planId, s, c);
        if (dirty) _store(planId, s, true);
    }

    /// @dev What `member` would be paid if the plan settled now.
    function _rewardOf(uint256 planId, address member) internal view returns (uint256) {
        Participant memory p = _participants[planId][member];
        if (p.status != PARTICIPANT || p.netScore <= 0 || _removalPending(planId, member)) return 0;
        PlanState memory s = _loadState(planId);
        return _reward(_config[planId].rewardPool, s, p.netScore);
    }

    function _settle(uint256 planId, PlanState memory s, PlanConfig storage c) private {
        c.settled = true;
        uint128 pool = c.rewardPool;
        address[] storage invited = _invitees[planId];
        address[] memory to = new address[](invited.length);
        uint256[] memory amounts = new uint256[](invited.length);
        uint256 count;
        uint256 total;
        for (uint256 i = 0; i < invited.length; i++) {
            Participant memory p = _participants[planId][invited[i]].load();
            if (p.status != PARTICIPANT || p.netScore <= 0) continue; // removed members forfeit
            uint256 amount = _reward(pool, s, p.netScore);
            if (amount == 0) continue;
            to[count] = invited[i];
            amounts[count] = amount;
            count++;
            total += amount;
        }
        uint128 minted = c.minted;
        if (total > pool - minted) revert RewardPoolExceeded(planId, total, pool);
        c.minted = minted + uint128(total);
        assembly ("memory-safe") {
            mstore(to, count)
            mstore(amounts, count)
        }
        if (count > 0) rewardToken.mintBatch(to, amounts);
        emit PlanSettled(planId, uint128(total));
    }

    function _reward(uint128 pool, PlanState memory s, int48 net) private pure returns (uint256) {
        return uint256(pool) * uint256(int256(net)) / (uint256(s.totalRounds - s.setupRounds) * uint256(FIXED_POINT));
    }

    /// @dev Checks and emits each row; returns how many rounds the batch holds.
    function _recordRows(uint256 planId, PlanState memory s, uint32 firstRound, address[] calldata members, int64[] calldata scores)
        private
        returns (uint32 rows)
    {
        uint256 n = members.length;
        if (n == 0 || scores.length == 0 || scores.length % n != 0) revert LengthMismatch();
        rows = uint32(scores.length / n);
        uint256 ring = _roundCommitters[planId];
        for (uint32 k = 0; k < rows; k++) {
            _recordRow(planId, s, ring, firstRound + k, members, scores[k * n:(k + 1) * n]);
        }
    }

    function _recordRow(uint256 planId, PlanState memory s, uint256 ring, uint32 round, address[] calldata members, int64[] calldata row)
        private
    {
        if (round < s.setupRounds || round >= s.currentRound || uint256(round) + RECORD_WINDOW <= s.currentRound) {
            revert ScoresOutOfWindow(planId, round);
        }
        _checkAgreed(planId, round, members, row);
        uint256 committers = (ring >> ((uint256(round) % RECORD_WINDOW) * 8)) & 0xff;
        if (committers != members.length) revert CommittersMismatch(planId, round, members.length, committers);
    }

    function _checkAgreed(uint256 planId, uint32 round, address[] calldata members, int64[] calldata row) private {
        bytes32 agreed = _agreedScores[planId][round];
        if (agreed == RECORDED) revert ScoresAlreadyRecorded(planId, round);
        if (agreed == bytes32(0)) revert ScoresNotAgreed(planId, round);
        bytes32 submitted = keccak256(abi.encode(planId, round, members, row));
        if (submitted != agreed) revert ScoresMismatch(planId, round, submitted, agreed);
        _agreedScores[planId][round] = RECORDED;
    }

    /// @dev For each member (ascending, so each once): it committed every round of the batch, each score is
    /// within ±1e6, and its scores add to its net; then each round's positive scores sum to at most 1e6.
    function _addNetScores(uint256 planId, uint32 firstRound, uint32 rows, address[] calldata members, int64[] calldata scores) private {
        uint256 n = members.length;
        uint256[] memory positive = new uint256[](rows);
        for (uint256 i = 0; i < n; i++) {
            if (i > 0 && members[i] <= members[i - 1]) revert MembersNotAscending(planId, firstRound, i);
            _addMember(planId, firstRound, members[i], scores[i:], n, positive);
        }
        for (uint32 k = 0; k < rows; k++) {
            if (positive[k] > uint256(FIXED_POINT)) revert PositiveScoresTooLarge(planId, firstRound + k, positive[k]);
        }
    }

    /// @dev One member's column of the batch: `column[k * n]` is its score in round firstRound + k.
    function _addMember(uint256 planId, uint32 firstRound, address member, int64[] calldata column, uint256 n, uint256[] memory positive) private {
        Participant storage ps = _participants[planId][member];
        Participant memory m = ps.load();
        uint256 rows = positive.length;
        if (!_committedAll(m, firstRound, rows)) revert NotACommitter(planId, _firstMissed(m, firstRound, rows), member);
        int256 net = m.netScore;
        for (uint256 k = 0; k < rows; k++) {
            int64 score = column[k * n];
            if (score > FIXED_POINT || score < -FIXED_POINT) revert ScoreOutOfRange(planId, firstRound + uint32(k), member, score);
            unchecked {
                if (score > 0) positive[k] += uint64(score);
                net += score;
            }
        }
        m.netScore = int48(net);
        ps.store(m);
    }

    /// @dev Whether the participant committed (not excluded) every round of firstRound..firstRound + rows - 1:
    /// those are bits lastCommit - firstRound - rows .. lastCommit - 1 - firstRound of its history, one mask test.
    function _committedAll(Participant memory p, uint32 firstRound, uint256 rows) private pure returns (bool) {
        uint256 last = p.lastCommit;
        if (last < uint256(firstRound) + rows) return false;
        uint256 top = last - 1 - firstRound;
        if (top >= RECORD_WINDOW) return false;
        uint256 mask = ((1 << rows) - 1) << (top + 1 - rows);
        return p.history & mask == mask;
    }

    function _firstMissed(Participant memory p, uint32 firstRound, uint256 rows) private pure returns (uint32 round) {
        for (round = firstRound; round < firstRound + rows && _committedIn(p, round); round++) {}
    }
}
