// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";

contract AvailabilityTest is ConsortiumFixture {
    /// @dev Round 0 and 1 run; in round 2 everyone but members[3] names members[3]'s round-1 blob missing.
    function _withheld() internal returns (uint256 planId) {
        planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        _fullRound(planId, 1, members, new int64[](0));
        vm.warp(block.timestamp + 20); // the availability window after round 1 closed
    }

    function test_aQuorumOfBallots_excludesTheBlob_andTheRoundsCommitterCountDrops() public {
        uint256 planId = _withheld();
        uint256 missing = 1 << 3; // participant index 3 = members[3]
        for (uint256 i = 0; i < 3; i++) {
            if (i == 2) {
                vm.expectEmit(address(ledger));
                emit LedgerBase.BlobExcluded(planId, 1, members[3], 3);
            }
            vm.prank(members[i]);
            ledger.commit(planId, 2, _blob(members[i], 2), 1, _model(1), 0, 0, missing);
        }
        (uint16 votes, bool excluded) = admin().exclusionOf(planId, 1, members[3]);
        assertEq(votes, 3);
        assertTrue(excluded);
        assertEq(admin().roundCommitters(planId, 1), 3);
    }

    function test_aBallot_beforeTheAvailabilityWindow_reverts() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        _fullRound(planId, 1, members, new int64[](0));
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.ExclusionTooEarly.selector, planId, uint32(1), uint40(block.timestamp + 20)));
        ledger.voteExclusion(planId, 1, 1 << 3);
    }

    function test_aBallot_againstANonCommitter_orItsOwnBlob_reverts() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        for (uint256 i = 0; i < 3; i++) _commit(members[i], planId, 1);
        vm.warp(block.timestamp + 100);
        _commit(members[0], planId, 2); // closes round 1 without members[3]
        vm.warp(block.timestamp + 20);
        vm.startPrank(members[1]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotACommitter.selector, planId, uint32(1), members[3]));
        ledger.voteExclusion(planId, 1, 1 << 3);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.OwnBlob.selector, planId, uint32(1), members[1]));
        ledger.voteExclusion(planId, 1, 1 << 1);
        vm.stopPrank();
    }

    function test_aSecondBallot_bySameVoter_reverts() public {
        uint256 planId = _withheld();
        vm.startPrank(members[0]);
        ledger.voteExclusion(planId, 1, 1 << 3);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.AlreadyVoted.selector, planId, uint32(1), members[0], uint8(2)));
        ledger.voteExclusion(planId, 1, 1 << 2);
        vm.stopPrank();
    }

    function test_aBallot_forAnOlderRound_isOutOfWindow() public {
        uint256 planId = _withheld();
        _fullRound(planId, 2, members, new int64[](0));
        vm.warp(block.timestamp + 20);
        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.VoteOutOfWindow.selector, planId, uint32(1), uint8(2)));
        ledger.voteExclusion(planId, 1, 1 << 3);
    }

    function test_aRemovedVotersBallot_stopsCounting() public {
        uint256 planId = _withheld();
        vm.prank(members[0]);
        ledger.voteExclusion(planId, 1, 1 << 3);
        vm.prank(members[1]);
        ledger.voteExclusion(planId, 1, 1 << 3);
        assertTrue(_remove(members[0]));
        vm.prank(members[2]);
        ledger.voteExclusion(planId, 1, 1 << 3); // [0]'s ballot undone: 2 votes, quorum of 3 live is 2
        (uint16 votes, bool excluded) = admin().exclusionOf(planId, 1, members[3]);
        assertEq(votes, 2);
        assertTrue(excluded);
    }
}
