// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";

contract ScoresAndRewardsTest is ConsortiumFixture {
    /// @dev Runs the whole plan (rounds 0..5), every round's scores voted on commits two rounds later
    /// and the last two on their own; returns the plan id. Round r's scores are `rows[r - 1]`.
    function _scoredPlan(int64[][] memory rows) internal returns (uint256 planId) {
        planId = _running();
        for (uint32 r = 0; r < 6; r++) {
            int64[] memory lagged = r >= 3 ? rows[r - 3] : new int64[](0);
            _fullRound(planId, r, members, lagged);
        }
        for (uint32 r = 4; r < 6; r++) {
            for (uint256 i = 0; i < 3; i++) {
                vm.prank(members[i]);
                ledger.voteScores(planId, r, _scoresHash(planId, r, members, rows[r - 1]));
            }
        }
    }

    function _rows(int64[] memory each) internal pure returns (int64[][] memory rows) {
        rows = new int64[][](5);
        for (uint256 k = 0; k < 5; k++) rows[k] = each;
    }

    function _flatten(int64[][] memory rows, uint256 from, uint256 count) internal pure returns (int64[] memory flat) {
        flat = new int64[](count * 4);
        for (uint256 k = 0; k < count; k++) {
            for (uint256 i = 0; i < 4; i++) flat[k * 4 + i] = rows[from + k][i];
        }
    }

    function test_recordingEveryRound_settlesThePlan_payingNetContributionWithinThePool() public {
        int64[][] memory rows = _rows(_scores(400_000, 300_000, 200_000, -100_000));
        rows[2] = _scores(-300_000, 300_000, 200_000, 100_000);
        uint256 planId = _scoredPlan(rows);
        vm.prank(members[0]);
        ledger.recordScores(planId, 1, members, _flatten(rows, 0, 3));
        assertEq(token.totalSupply(), 0);
        vm.prank(members[1]);
        ledger.recordScores(planId, 4, members, _flatten(rows, 3, 2));
        // pool 5e18 over 5 training rounds: 1e18 per 1.0 of net score
        assertEq(token.balanceOf(members[0]), 1.3e18); // 4 x 0.4 - 0.3
        assertEq(token.balanceOf(members[1]), 1.5e18);
        assertEq(token.balanceOf(members[2]), 1.0e18);
        assertEq(token.balanceOf(members[3]), 0); // net -0.3: never negative, nothing paid
        assertLe(token.totalSupply(), 5e18);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.PlanAlreadySettled.selector, planId));
        admin().settle(planId);
    }

    function test_recordScores_namingAnOutsider_reverts() public {
        int64[][] memory rows = _rows(_scores(100_000, 100_000, 100_000, 100_000));
        address[] memory forged = new address[](4);
        (forged[0], forged[1], forged[2], forged[3]) = (members[0], members[1], members[2], outsider);
        uint256 planId = _running();
        for (uint32 r = 0; r < 3; r++) _fullRound(planId, r, members, new int64[](0));
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            ledger.voteScores(planId, 1, _scoresHash(planId, 1, forged, rows[0]));
        }
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotACommitter.selector, planId, uint32(1), outsider));
        ledger.recordScores(planId, 1, forged, rows[0]);
    }

    function test_recordScores_outOfBoundsOrTooMuchPositive_reverts() public {
        _expectRowRefused(_scores(1_000_001, 0, 0, 0), abi.encodeWithSelector(LedgerBase.ScoreOutOfRange.selector, 1, uint32(1), address(0x1000), int64(1_000_001)));
        setUp();
        _expectRowRefused(_scores(600_000, 500_000, 0, -900_000), abi.encodeWithSelector(LedgerBase.PositiveScoresTooLarge.selector, 1, uint32(1), uint256(1_100_000)));
    }

    function test_recordScores_missingACommitter_reverts() public {
        uint256 planId = _running();
        for (uint32 r = 0; r < 3; r++) _fullRound(planId, r, members, new int64[](0));
        address[] memory three = new address[](3);
        (three[0], three[1], three[2]) = (members[0], members[1], members[2]);
        int64[] memory row = new int64[](3);
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            ledger.voteScores(planId, 1, _scoresHash(planId, 1, three, row));
        }
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.CommittersMismatch.selector, planId, uint32(1), uint256(3), uint256(4)));
        ledger.recordScores(planId, 1, three, row);
    }

    function test_recordScores_notAscending_reverts() public {
        address[] memory swapped = new address[](4);
        (swapped[0], swapped[1], swapped[2], swapped[3]) = (members[1], members[0], members[2], members[3]);
        uint256 planId = _running();
        for (uint32 r = 0; r < 3; r++) _fullRound(planId, r, members, new int64[](0));
        int64[] memory row = new int64[](4);
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            ledger.voteScores(planId, 1, _scoresHash(planId, 1, swapped, row));
        }
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.MembersNotAscending.selector, planId, uint32(1), uint256(1)));
        ledger.recordScores(planId, 1, swapped, row);
    }

    function test_settle_beforeTheSettlementWindow_reverts_afterIt_paysWhatWasRecorded() public {
        int64[][] memory rows = _rows(_scores(200_000, 200_000, 200_000, 200_000));
        uint256 planId = _scoredPlan(rows);
        vm.prank(members[0]);
        ledger.recordScores(planId, 1, members, _flatten(rows, 0, 2));
        uint40 notBefore = _state(planId).roundOpenedAt + 200;
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotSettleable.selector, planId, notBefore));
        admin().settle(planId);
        vm.warp(block.timestamp + 200);
        vm.prank(members[2]);
        admin().settle(planId);
        assertEq(token.balanceOf(members[3]), 0.4e18);
    }

    function test_aRemovedMember_forfeitsItsReward() public {
        int64[][] memory rows = _rows(_scores(200_000, 200_000, 200_000, 200_000));
        uint256 planId = _scoredPlan(rows);
        vm.prank(members[0]);
        ledger.recordScores(planId, 1, members, _flatten(rows, 0, 3));
        assertTrue(_remove(members[3]));
        vm.prank(members[0]);
        ledger.recordScores(planId, 4, members, _flatten(rows, 3, 2));
        assertEq(token.balanceOf(members[0]), 1e18);
        assertEq(token.balanceOf(members[3]), 0);
    }

    function _expectRowRefused(int64[] memory row, bytes memory err) private {
        uint256 planId = _running();
        for (uint32 r = 0; r < 3; r++) _fullRound(planId, r, members, new int64[](0));
        for (uint256 i = 0; i < 3; i++) {
            vm.prank(members[i]);
            ledger.voteScores(planId, 1, _scoresHash(planId, 1, members, row));
        }
        vm.prank(members[0]);
        vm.expectRevert(err);
        ledger.recordScores(planId, 1, members, row);
    }
}
