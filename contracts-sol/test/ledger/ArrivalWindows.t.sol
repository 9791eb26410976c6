// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {PlanParams} from "../../src/ledger/LedgerTypes.sol";

/// @notice Asynchronous plans (FedBuff, Nguyen et al. 2022): a training round is an arrival window
/// that closes at its K-th commit, and the chain's order of those commits is the aggregation step's set.
contract ArrivalWindowsTest is ConsortiumFixture {
    function _async(uint8 k) internal returns (uint256 planId) {
        PlanParams memory p = _params(members);
        p.bufferSize = k;
        planId = _start(p);
        for (uint256 i = 0; i < members.length; i++) {
            vm.prank(members[i]);
            ledger.optIn(planId);
        }
    }

    function test_setupRound_ofAnAsyncPlan_staysSynchronous() public {
        uint256 planId = _async(2);
        _commit(members[0], planId, 0);
        _commit(members[1], planId, 0);
        assertEq(_state(planId).currentRound, 0);
        _commit(members[2], planId, 0);
        _commit(members[3], planId, 0);
        assertEq(_state(planId).currentRound, 1);
    }

    function test_trainingWindow_closesAtItsKthCommit_emittingTheArrivalsInChainOrder() public {
        uint256 planId = _async(2);
        _fullRound(planId, 0, members, new int64[](0));
        _commit(members[2], planId, 1);
        assertEq(_state(planId).currentRound, 1);
        address[] memory order = new address[](2);
        (order[0], order[1]) = (members[2], members[0]);
        vm.expectEmit(address(ledger));
        emit LedgerBase.ArrivalsClosed(planId, 1, order);
        _commit(members[0], planId, 1);
        assertEq(_state(planId).currentRound, 2);
        assertEq(admin().roundCommitters(planId, 1), 2);
    }

    function test_aSlowMember_commitsIntoTheOpenWindow_oncePerWindow_chargedPerCommit() public {
        uint256 planId = _async(2);
        _fullRound(planId, 0, members, new int64[](0));
        for (uint32 round = 1; round <= 3; round++) {
            _commit(members[0], planId, round);
            _commit(members[1], planId, round);
        }
        assertEq(_state(planId).currentRound, 4);
        vm.prank(members[3]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.WrongRound.selector, planId, uint32(1), uint32(4)));
        ledger.commit(planId, 1, _blob(members[3], 1), 100, 0, 0, 0, 0);
        _commit(members[3], planId, 4);
        vm.prank(members[3]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.AlreadyCommitted.selector, planId, uint32(4), members[3]));
        ledger.commit(planId, 4, _blob(members[3], 4), 100, 0, 0, 0, 0);
        assertEq(admin().epsilonSpent(planId, members[3]), EPSILON_PER_ROUND);
        assertEq(admin().epsilonSpent(planId, members[0]), 3 * EPSILON_PER_ROUND);
    }

    function test_window_pastItsDeadline_closesWithFewerThanK() public {
        uint256 planId = _async(3);
        _fullRound(planId, 0, members, new int64[](0));
        _commit(members[1], planId, 1);
        vm.warp(block.timestamp + 100);
        address[] memory order = new address[](1);
        order[0] = members[1];
        vm.expectEmit(address(ledger));
        emit LedgerBase.ArrivalsClosed(planId, 1, order);
        vm.prank(members[0]);
        ledger.advance(planId);
        assertEq(_state(planId).currentRound, 2);
    }

    function test_aRemovedMember_cannotCommitIntoAWindow() public {
        uint256 planId = _async(2);
        _fullRound(planId, 0, members, new int64[](0));
        assertTrue(_remove(members[3]));
        vm.prank(members[3]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, members[3]));
        ledger.commit(planId, 1, _blob(members[3], 1), 100, 0, 0, 0, 0);
    }

    function test_startPlan_bufferAboveTheInvited_orWithSecureAggregation_orAnAnalysis_reverts() public {
        PlanParams memory p = _params(members);
        p.bufferSize = 5;
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.InvalidPlanParameter.selector, "bufferSize"));
        admin().startPlan(p);
        p.bufferSize = 2;
        p.secureAggregation = true;
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.InvalidPlanParameter.selector, "bufferSize"));
        admin().startPlan(p);
        p.secureAggregation = false;
        p.kind = 1;
        p.rewardPool = 0;
        vm.prank(address(timelock));
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.InvalidPlanParameter.selector, "bufferSize"));
        admin().startPlan(p);
    }
}
