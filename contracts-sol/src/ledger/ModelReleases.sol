// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {EvaluationPins} from "./EvaluationPins.sol";
import {PlanState} from "./LedgerTypes.sol";

/// @title Model releases: governance names a completed plan's model and its evaluation report.
abstract contract ModelReleases is EvaluationPins {
    mapping(uint256 => bytes32) internal _released;

    /// @dev Records the release of a completed plan's model; the model must be the plan's last finalised aggregate.
    function _releaseModel(uint256 planId, bytes32 modelHash, bytes32 evaluationReportHash) internal {
        PlanState memory s = _loadState(planId);
        if (s.status != STATUS_COMPLETED) revert PlanNotCompleted(planId, s.status);
        if (_released[planId] != bytes32(0)) revert AlreadyReleased(planId);
        if (evaluationReportHash == bytes32(0)) revert ZeroHash("evaluationReportHash");
        if (!_isAgreed(planId, s, KIND_AGGREGATE, s.totalRounds - 1, modelHash)) revert ReleaseNotFinalised(planId, modelHash);
        _released[planId] = modelHash;
        emit ModelReleased(planId, modelHash, evaluationReportHash);
    }
}
