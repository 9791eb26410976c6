// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Consortium membership: who may train, gossip and vote.
/// @notice The deployer bootstraps the founding members once; later changes come from governance.
contract MembershipRegistry {
    enum Role { None, Member, Auditor }

    struct Entry {
        Role role;
        string name;
        string endpoint;
    }

    mapping(address => Entry) private _entries;
    address[] private _addresses;
    address public immutable bootstrapper;
    bool public bootstrapped;

    event MemberAdded(address indexed account, Role role, string name, string endpoint);

    error AlreadyBootstrapped();
    error NotBootstrapper(address caller);
    error LengthMismatch();
    error DuplicateMember(address account);

    constructor() {
        bootstrapper = msg.sender;
    }

    /// @notice Registers the founding members. Callable once, by the deployer.
    function bootstrap(address[] calldata accounts, Role[] calldata roles, string[] calldata names, string[] calldata endpoints) external {
        if (msg.sender != bootstrapper) revert NotBootstrapper(msg.sender);
        if (bootstrapped) revert AlreadyBootstrapped();
        if (roles.length != accounts.length || names.length != accounts.length || endpoints.length != accounts.length) revert LengthMismatch();
        bootstrapped = true;
        for (uint256 i = 0; i < accounts.length; i++) {
            if (_entries[accounts[i]].role != Role.None) revert DuplicateMember(accounts[i]);
            _entries[accounts[i]] = Entry(roles[i], names[i], endpoints[i]);
            _addresses.push(accounts[i]);
            emit MemberAdded(accounts[i], roles[i], names[i], endpoints[i]);
        }
    }

    function isMember(address account) external view returns (bool) {
        return _entries[account].role == Role.Member;
    }

    function memberCount() external view returns (uint256) {
        return _addresses.length;
    }
}
