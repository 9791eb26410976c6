// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";

/// @title Vote counting by live membership: a removed member's vote stops counting, and only For
/// votes count towards quorum.
/// @notice Like GovernorCountingSimple (Against 0, For 1, Abstain 2), with two differences:
/// - every tally is taken at read time over the proposal's voters that are still members, so a vote
///   cast by a member removed since no longer counts (for, against or abstain);
/// - quorum counts For votes only: a proposal passes only if at least `quorum` current members voted
///   For, and more For than Against. Abstaining does not help a proposal reach quorum.
/// @dev Tallies loop over the proposal's voters (at most one per member), in views and at queue/execute.
abstract contract GovernorCountingLive is Governor {
    uint8 private constant AGAINST = 0;
    uint8 private constant FOR = 1;
    uint8 private constant ABSTAIN = 2;

    struct Ballot {
        uint8 supportPlusOne; // 0: not voted
        uint248 weight;
    }

    mapping(uint256 => address[]) private _voters;
    mapping(uint256 => mapping(address => Ballot)) private _ballots;

    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo&quorum=for";
    }

    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        return _ballots[proposalId][account].supportPlusOne != 0;
    }

    /// @notice The proposal's votes as they count now: only voters that are still members.
    function proposalVotes(uint256 proposalId) public view virtual returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) {
        address[] storage voters = _voters[proposalId];
        for (uint256 i = 0; i < voters.length; i++) {
            if (!_isLive(voters[i])) continue;
            Ballot memory b = _ballots[proposalId][voters[i]];
            if (b.supportPlusOne == AGAINST + 1) againstVotes += b.weight;
            else if (b.supportPlusOne == FOR + 1) forVotes += b.weight;
            else abstainVotes += b.weight;
        }
    }

    /// @notice Everyone who voted on the proposal, in voting order (members removed since included).
    function proposalVoters(uint256 proposalId) external view returns (address[] memory) {
        return _voters[proposalId];
    }

    function _quorumReached(uint256 proposalId) internal view virtual override returns (bool) {
        (, uint256 forVotes,) = proposalVotes(proposalId);
        return quorum(proposalSnapshot(proposalId)) <= forVotes;
    }

    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        (uint256 againstVotes, uint256 forVotes,) = proposalVotes(proposalId);
        return forVotes > againstVotes;
    }

    function _countVote(uint256 proposalId, address account, uint8 support, uint256 totalWeight, bytes memory)
        internal
        virtual
        override
        returns (uint256)
    {
        if (_ballots[proposalId][account].supportPlusOne != 0) revert GovernorAlreadyCastVote(account);
        if (support > ABSTAIN) revert GovernorInvalidVoteType();
        _ballots[proposalId][account] = Ballot(support + 1, uint248(totalWeight));
        _voters[proposalId].push(account);
        return totalWeight;
    }

    /// @dev Whether `account` still holds its membership.
    function _isLive(address account) internal view virtual returns (bool);
}
