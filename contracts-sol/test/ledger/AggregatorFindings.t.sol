// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ConsortiumFixture} from "../utils/ConsortiumFixture.sol";
import {LedgerBase} from "../../src/ledger/LedgerBase.sol";
import {AggregatorFindings} from "../../src/ledger/AggregatorFindings.sol";
import {LedgerAdministration} from "../../src/ledger/LedgerAdministration.sol";

contract AggregatorFindingsTest is ConsortiumFixture {
    bytes32 private constant CLAIM = keccak256("claim");
    bytes32 private constant SUM = keccak256("sum");

    /// @dev Rounds 0 and 1 closed with every member; round 2 open.
    function _afterRoundOne() internal returns (uint256 planId) {
        planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        _fullRound(planId, 1, members, new int64[](0));
    }

    function _report(address reporter, uint256 planId, uint32 round, address member, uint8 reason) internal {
        vm.prank(reporter);
        LedgerAdministration(address(ledger)).reportAggregatorFinding(planId, round, member, 2, CLAIM, SUM, reason);
    }

    function test_participants_nameALiar_eachOnce_andTheCountIsKept() public {
        uint256 planId = _afterRoundOne();
        vm.expectEmit(address(ledger));
        emit AggregatorFindings.AggregatorNamed(planId, 1, members[2], members[0], 2, CLAIM, SUM, 1);
        _report(members[0], planId, 1, members[2], 1);
        _report(members[1], planId, 1, members[2], 2);
        assertEq(admin().aggregatorFindingsOf(planId, 1, members[2]), 2);
        assertEq(admin().aggregatorFindingsOf(planId, 1, members[1]), 0);

        vm.prank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(AggregatorFindings.FindingAlreadyReported.selector, planId, uint32(1), members[2], members[0]));
        LedgerAdministration(address(ledger)).reportAggregatorFinding(planId, 1, members[2], 2, CLAIM, SUM, 1);
    }

    function test_aFinding_onAnOpenRoundOrRoundZero_reverts() public {
        uint256 planId = _afterRoundOne();
        vm.startPrank(members[0]);
        vm.expectRevert(abi.encodeWithSelector(AggregatorFindings.FindingOutOfWindow.selector, planId, uint32(2)));
        LedgerAdministration(address(ledger)).reportAggregatorFinding(planId, 2, members[2], 0, CLAIM, SUM, 1);
        vm.expectRevert(abi.encodeWithSelector(AggregatorFindings.FindingOutOfWindow.selector, planId, uint32(0)));
        LedgerAdministration(address(ledger)).reportAggregatorFinding(planId, 0, members[2], 0, CLAIM, SUM, 1);
        vm.stopPrank();
    }

    function test_aFinding_byAnOutsider_againstSelf_aNonCommitter_orWithoutReason_reverts() public {
        uint256 planId = _running();
        _fullRound(planId, 0, members, new int64[](0));
        for (uint256 i = 0; i < 3; i++) _commit(members[i], planId, 1);
        vm.warp(block.timestamp + 100);
        _commit(members[0], planId, 2); // closes round 1 without members[3]
        LedgerAdministration a = LedgerAdministration(address(ledger));

        vm.prank(address(0xBEEF));
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotParticipant.selector, planId, address(0xBEEF)));
        a.reportAggregatorFinding(planId, 1, members[2], 0, CLAIM, SUM, 1);

        vm.startPrank(members[1]);
        vm.expectRevert(abi.encodeWithSelector(AggregatorFindings.FindingAgainstSelf.selector, planId, members[1]));
        a.reportAggregatorFinding(planId, 1, members[1], 0, CLAIM, SUM, 1);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.NotACommitter.selector, planId, uint32(1), members[3]));
        a.reportAggregatorFinding(planId, 1, members[3], 0, CLAIM, SUM, 1);
        vm.expectRevert(abi.encodeWithSelector(AggregatorFindings.NotAFindingReason.selector, uint8(5)));
        a.reportAggregatorFinding(planId, 1, members[2], 0, CLAIM, SUM, 5);
        vm.expectRevert(abi.encodeWithSelector(LedgerBase.ZeroHash.selector, "claim"));
        a.reportAggregatorFinding(planId, 1, members[2], 0, bytes32(0), SUM, 1);
        vm.stopPrank();
    }
}
