// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {IMembership, LedgerBase} from "./LedgerBase.sol";
import {ScoresAndRewards} from "./ScoresAndRewards.sol";
import {AggregatorFindings} from "./AggregatorFindings.sol";
import {PlanState, Participant} from "./LedgerTypes.sol";
import {RewardToken} from "../rewards/RewardToken.sol";

/// @title Everything the ledger does, as internal functions over one storage layout.
/// @notice Two contracts expose it: TrainingLedger (the members' transactions) and
/// LedgerAdministration (governance, settlement and views), which TrainingLedger reaches by
/// delegatecall, so both run on TrainingLedger's storage and emit its events. The split keeps each
/// under the 24,576-byte code limit (EIP-170). Neither declares storage of its own.
abstract contract LedgerCore is AggregatorFindings {
    constructor(IMembership membership_, address governance_, RewardToken rewardToken_)
        LedgerBase(membership_, governance_)
        ScoresAndRewards(rewardToken_)
    {}

    function _undoVotes(uint256 planId, PlanState memory s, Participant memory p, address account) internal override {
        _undoTallyVotes(planId, s, p, account);
        _undoBallot(planId, s, account);
        _undoResultVote(planId, s, account);
    }
}
