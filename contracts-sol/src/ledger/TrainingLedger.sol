// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IMembership, LedgerBase} from "./LedgerBase.sol";
import {ScoresAndReleases} from "./ScoresAndReleases.sol";
import {PlanState, PlanConfig, Participant} from "./LedgerTypes.sol";
import {IMemberRemovalListener} from "../membership/IMemberRemovalListener.sol";
import {RewardToken} from "../rewards/RewardToken.sol";

/// @title The consortium's training ledger: plans, rounds, commits, agreements, privacy spend,
/// contribution scores, rewards and releases.
/// @notice The parts are split by concern: PlanSchedule, VoteAgreements, RoundCommits, ScoresAndReleases.
contract TrainingLedger is ScoresAndReleases, IMemberRemovalListener {
    constructor(IMembership membership_, address governance_, RewardToken rewardToken_)
        LedgerBase(membership_, governance_)
        ScoresAndReleases(rewardToken_)
    {}

    /// @notice Governance removed a member: it leaves every active plan. A running round whose
    /// remaining participants have all committed closes.
    function onMemberRemoved(address account) external {
        if (msg.sender != address(membership)) revert NotMembership(msg.sender);
        for (uint256 i = _activePlans.length; i > 0; i--) {
            uint256 planId = _activePlans[i - 1];
            Participant storage p = _participants[planId][account];
            if (p.status == 0) continue;
            PlanState memory s = _loadState(planId);
            if (p.status == PARTICIPANT) {
                s.participants -= 1;
                if (s.status == STATUS_RUNNING && p.lastCommit == s.currentRound + 1) s.committed -= 1;
            } else {
                _config[planId].invited -= 1;
            }
            p.status = 0;
            emit ParticipantDropped(planId, account);
            if (s.status == STATUS_ENROLLING && s.participants > 0 && s.participants == _config[planId].invited) {
                _openRound(planId, s);
            } else if (s.status == STATUS_RUNNING && s.participants > 0 && s.committed == s.participants) {
                _closeRound(planId, s, true);
            }
            _store(planId, s, true);
        }
    }

    function planState(uint256 planId) external view returns (PlanState memory) {
        return _loadState(planId);
    }

    function planConfig(uint256 planId) external view returns (PlanConfig memory) {
        return _config[planId];
    }

    function participant(uint256 planId, address account) external view returns (Participant memory) {
        return _participants[planId][account];
    }

    function invitees(uint256 planId) external view returns (address[] memory) {
        return _invitees[planId];
    }

    function activePlans() external view returns (uint256[] memory) {
        return _activePlans;
    }
}
