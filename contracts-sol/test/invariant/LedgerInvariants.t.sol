// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {StdInvariant} from "forge-std/StdInvariant.sol";
import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerHandler} from "./LedgerHandler.sol";
import {PlanState} from "../../src/ledger/LedgerTypes.sol";

/// @notice Invariants of the ledger under random actions by five members (some removed along the way),
/// two outsiders and governance (LedgerHandler).
contract LedgerInvariantsTest is ConsortiumFixture {
    LedgerHandler internal handler;

    function setUp() public override {
        _deploy(5);
        handler = new LedgerHandler(registry, ledger, token, address(timelock), members, SCHEMA);
        bytes4[] memory actions = new bytes4[](20);
        actions[0] = LedgerHandler.startPlan.selector;
        actions[1] = LedgerHandler.removeMember.selector;
        actions[2] = LedgerHandler.cancelPlan.selector;
        actions[3] = LedgerHandler.warp.selector;
        actions[4] = LedgerHandler.optIn.selector;
        actions[5] = LedgerHandler.advance.selector;
        actions[6] = LedgerHandler.commit.selector;
        actions[7] = LedgerHandler.commit.selector; // commits are most of a plan's traffic
        actions[8] = LedgerHandler.voteAggregate.selector;
        actions[9] = LedgerHandler.voteScores.selector;
        actions[10] = LedgerHandler.voteExclusion.selector;
        actions[11] = LedgerHandler.pin.selector;
        actions[12] = LedgerHandler.recordScores.selector;
        actions[13] = LedgerHandler.settle.selector;
        actions[14] = LedgerHandler.fullRound.selector; // whole rounds move plans to scoring and settlement
        actions[15] = LedgerHandler.fullRound.selector;
        actions[16] = LedgerHandler.fullRound.selector;
        actions[17] = LedgerHandler.voteScores.selector;
        actions[18] = LedgerHandler.scoreAndSettle.selector;
        actions[19] = LedgerHandler.voteResult.selector;
        targetSelector(StdInvariant.FuzzSelector({addr: address(handler), selectors: actions}));
        targetContract(address(handler));
    }

    function invariant_totalMinted_isWithinTheSumOfThePlansPools() public view {
        assertLe(token.totalSupply(), handler.poolsTotal());
        for (uint256 i = 0; i < handler.planCount(); i++) {
            uint256 planId = handler.plans(i);
            assertLe(admin().planConfig(planId).minted, admin().planConfig(planId).rewardPool);
        }
    }

    function invariant_noAccountOutsideAPlan_changesItsRounds() public view {
        assertEq(handler.foreignChanges(), 0);
    }

    function invariant_epsilonSpent_isWithinThePlanAndLifetimeBudgets() public view {
        for (uint256 k = 0; k < members.length; k++) {
            for (uint256 i = 0; i < handler.planCount(); i++) {
                uint256 planId = handler.plans(i);
                assertLe(admin().epsilonSpent(planId, members[k]), handler.planBudget(planId));
            }
            assertLe(admin().lifetimeSpent(members[k], SCHEMA), LIFETIME);
        }
    }

    function invariant_atMostOneAggregateHash_isAgreedPerRound() public view {
        assertEq(handler.conflictingAgreements(), 0);
    }

    /// @dev Only a quorum of equal result hashes ends an analysis plan before its schedule, and at most one result is agreed.
    function invariant_anAnalysisPlanEndsEarly_onlyOnItsOneAgreedResult() public view {
        for (uint256 i = 0; i < handler.planCount(); i++) {
            uint256 planId = handler.plans(i);
            assertLe(handler.resultAgreements(planId), 1);
            if (!handler.isAnalysis(planId)) {
                assertEq(handler.resultAgreements(planId), 0);
                continue;
            }
            PlanState memory s = admin().planState(planId);
            (,, bool agreed) = admin().agreedResult(planId);
            if (s.status == 3 && s.currentRound < s.totalRounds) assertTrue(agreed, "an analysis plan completed early without an agreed result");
        }
    }

    function invariant_aRemovedMember_neverChangesState() public view {
        assertEq(handler.removedChanges(), 0);
    }
}
