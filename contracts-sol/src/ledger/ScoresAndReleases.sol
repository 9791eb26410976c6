// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {EvaluationPins} from "./EvaluationPins.sol";
import {PlanState} from "./LedgerTypes.sol";
import {RewardToken} from "../rewards/RewardToken.sol";

/// @title Contribution scores, rewards, and model releases.
/// @notice No single member can write scores: the participants first agree (quorum) on the hash of
/// the score vector through their votes; then anyone submits the vector matching it, and reward
/// tokens are minted from its positive entries.
abstract contract ScoresAndReleases is EvaluationPins {
    RewardToken public immutable rewardToken;
    mapping(uint256 => bytes32) internal _released;

    constructor(RewardToken rewardToken_) {
        rewardToken = rewardToken_;
    }

    /// @notice The hash members vote on: keccak256(abi.encode(planId, round, members, scores)),
    /// scores in micro units (1e6 = 1.0).
    function scoresHash(uint256 planId, uint32 round, address[] calldata members, int64[] calldata scores)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(planId, round, members, scores));
    }

    /// @notice Records the agreed score vectors of consecutive rounds firstRound.. (one row of
    /// `scores` per round, members.length entries each, all for the same members) and mints each
    /// member sum(positive scores) * rewardPerScore / 1e6 reward units in one go. Anyone may submit
    /// them, once per round; batching rounds spreads the cost of a mint over them.
    function recordScores(uint256 planId, uint32 firstRound, address[] calldata members, int64[] calldata scores) external {
        uint256 n = members.length;
        if (n == 0 || scores.length == 0 || scores.length % n != 0) revert LengthMismatch();
        uint256[] memory earned = new uint256[](n);
        uint32 round = firstRound;
        for (uint256 start = 0; start < scores.length; start += n) {
            int64[] calldata row = scores[start:start + n];
            _checkAgreed(planId, round, members, row);
            for (uint256 i = 0; i < n; i++) {
                if (row[i] > 0) earned[i] += uint64(row[i]);
            }
            emit ScoresRecorded(planId, round, members, row);
            round++;
        }

        uint256 rate = _config[planId].rewardPerScore;
        for (uint256 i = 0; i < n; i++) {
            if (earned[i] > 0 && rate > 0) rewardToken.mint(members[i], earned[i] * rate / uint256(FIXED_POINT));
        }
    }

    function _checkAgreed(uint256 planId, uint32 round, address[] calldata members, int64[] calldata row) private {
        bytes32 agreed = _agreedScores[planId][round];
        if (agreed == RECORDED) revert ScoresAlreadyRecorded(planId, round);
        if (agreed == bytes32(0)) revert ScoresNotAgreed(planId, round);
        bytes32 submitted = keccak256(abi.encode(planId, round, members, row));
        if (submitted != agreed) revert ScoresMismatch(planId, round, submitted, agreed);
        _agreedScores[planId][round] = RECORDED;
    }

    /// @notice Records the release of a completed plan's model. Governance only; the model must be
    /// the plan's last finalised aggregate.
    function releaseModel(uint256 planId, bytes32 modelHash, bytes32 evaluationReportHash) external onlyGovernance {
        PlanState memory s = _loadState(planId);
        if (s.status != STATUS_COMPLETED) revert PlanNotCompleted(planId, s.status);
        if (_released[planId] != bytes32(0)) revert AlreadyReleased(planId);
        if (!_isAgreed(planId, s, KIND_AGGREGATE, s.totalRounds - 1, modelHash)) revert ReleaseNotFinalised(planId, modelHash);
        _released[planId] = modelHash;
        emit ModelReleased(planId, modelHash, evaluationReportHash);
    }

    function releasedModel(uint256 planId) external view returns (bytes32) {
        return _released[planId];
    }
}
