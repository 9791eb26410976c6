// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ScoresAndRewards} from "./ScoresAndRewards.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";

/// @title Per-site evaluations of a completed plan's final model, pinned by the members that made them.
/// @notice Each participant evaluates the final aggregate on its own held-out rows and publishes the
/// signed result as a blob; pinning its hash here fixes which bytes count. A release proposal's
/// evaluation report is built from these pins (never written by whoever proposes), so a voter or an
/// auditor can rebuild it and compare its hash with the one the release names. Reached through
/// LedgerAdministration (the ledger's fallback), so TrainingLedger's own code stays as it is.
abstract contract EvaluationPins is ScoresAndRewards {
    mapping(uint256 => mapping(address => bytes32)) internal _evaluations;

    event EvaluationPinned(uint256 indexed planId, address indexed member, bytes32 blobHash);

    error EvaluationAlreadyPinned(uint256 planId, address member);

    /// @dev The caller's evaluation blob of a completed plan, once per current participant.
    function _pinEvaluation(uint256 planId, bytes32 blobHash) internal {
        PlanState memory s = _loadState(planId);
        if (s.status != STATUS_COMPLETED) revert PlanNotCompleted(planId, s.status);
        Participant memory p = _participants[planId][msg.sender];
        if (p.status != PARTICIPANT || _removalPending(planId, msg.sender)) revert NotParticipant(planId, msg.sender);
        if (blobHash == bytes32(0)) revert ZeroHash("blobHash");
        if (_evaluations[planId][msg.sender] != bytes32(0)) revert EvaluationAlreadyPinned(planId, msg.sender);
        _evaluations[planId][msg.sender] = blobHash;
        emit EvaluationPinned(planId, msg.sender, blobHash);
    }
}
