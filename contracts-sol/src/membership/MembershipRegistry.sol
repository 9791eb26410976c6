// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Votes} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IMemberRemovalListener} from "./IMemberRemovalListener.sol";

/// @title Consortium membership: who may train, gossip and vote.
/// @notice Each member institution holds one non-transferable token (id = its address) that carries
/// exactly one vote, always delegated to itself, so the Governor counts one vote per institution.
/// Auditors are registered (name, endpoint) but hold no token and do not vote.
/// The deployer bootstraps the founders once; every later change comes from governance (the timelock).
/// @dev The clock is the block timestamp (EIP-6372 "mode=timestamp"), so voting delays and periods
/// are in seconds like the ledger's commit windows.
contract MembershipRegistry is ERC721Votes {
    enum Role { None, Member, Auditor }

    struct Entry {
        Role role;
        string name;
        string endpoint;
    }

    /// @notice One registered account, as `members()` lists it.
    struct MemberView {
        address account;
        Role role;
        string name;
        string endpoint;
    }

    /// @notice Longest name and endpoint accepted, in bytes: an endpoint is host:port (a DNS name is at most 253).
    uint256 public constant MAX_NAME_BYTES = 64;
    uint256 public constant MAX_ENDPOINT_BYTES = 260;

    mapping(address => Entry) private _entries;
    address[] private _accounts;
    mapping(address => uint256) private _indexPlusOne;

    address public immutable bootstrapper;
    address public governance;
    IMemberRemovalListener public removalListener;

    event Bootstrapped(address governance, address removalListener);
    event MemberAdmitted(address indexed account, Role role, string name, string endpoint);
    event MemberRemoved(address indexed account, Role role);
    event EndpointChanged(address indexed account, string endpoint);

    error AlreadyBootstrapped();
    error NotBootstrapper(address caller);
    error NotGovernance(address caller);
    error LengthMismatch();
    error AlreadyRegistered(address account);
    error NotRegistered(address account);
    error InvalidRole(address account);
    error EmptyName(address account);
    error NameTooLong(address account, uint256 length);
    error EndpointTooLong(address account, uint256 length);
    error ZeroAddress();
    error MembershipNotTransferable(uint256 tokenId);
    error VoteDelegationDisabled();

    modifier onlyGovernance() {
        if (msg.sender != governance) revert NotGovernance(msg.sender);
        _;
    }

    constructor() ERC721("FedChain Membership", "FCM") EIP712("FedChain Membership", "1") {
        bootstrapper = msg.sender;
    }

    /// @notice Registers the founders and hands control to governance. Callable once, by the deployer.
    function bootstrap(
        address governance_,
        IMemberRemovalListener listener,
        address[] calldata accounts,
        Role[] calldata roles,
        string[] calldata names,
        string[] calldata endpoints
    ) external {
        if (msg.sender != bootstrapper) revert NotBootstrapper(msg.sender);
        if (governance != address(0)) revert AlreadyBootstrapped();
        if (governance_ == address(0)) revert ZeroAddress();
        if (roles.length != accounts.length || names.length != accounts.length || endpoints.length != accounts.length) {
            revert LengthMismatch();
        }
        governance = governance_;
        removalListener = listener;
        emit Bootstrapped(governance_, address(listener));
        for (uint256 i = 0; i < accounts.length; i++) {
            _admit(accounts[i], roles[i], names[i], endpoints[i]);
        }
    }

    /// @notice Admits a member or auditor. Governance only.
    function admit(address account, Role role, string calldata name, string calldata endpoint) external onlyGovernance {
        _admit(account, role, name, endpoint);
    }

    /// @notice Removes a member or auditor; its vote and its plan participations end. Governance only.
    /// O(1): the ledger logs the removal and each plan applies it when next touched (PlanMembership).
    function remove(address account) external onlyGovernance {
        Role role = _entries[account].role;
        if (role == Role.None) revert NotRegistered(account);
        if (role == Role.Member) _burn(_tokenId(account));
        delete _entries[account];

        uint256 index = _indexPlusOne[account] - 1;
        address last = _accounts[_accounts.length - 1];
        _accounts[index] = last;
        _indexPlusOne[last] = index + 1;
        _accounts.pop();
        delete _indexPlusOne[account];

        emit MemberRemoved(account, role);
        if (address(removalListener) != address(0)) removalListener.onMemberRemoved(account);
    }

    /// @notice A registered institution moves its own network endpoint (not a membership change).
    function updateEndpoint(string calldata endpoint) external {
        if (_entries[msg.sender].role == Role.None) revert NotRegistered(msg.sender);
        if (bytes(endpoint).length > MAX_ENDPOINT_BYTES) revert EndpointTooLong(msg.sender, bytes(endpoint).length);
        _entries[msg.sender].endpoint = endpoint;
        emit EndpointChanged(msg.sender, endpoint);
    }

    function isMember(address account) external view returns (bool) {
        return _entries[account].role == Role.Member;
    }

    function roleOf(address account) external view returns (Role) {
        return _entries[account].role;
    }

    function memberCount() external view returns (uint256) {
        return _accounts.length;
    }

    /// @notice Every registered account (members and auditors), in registry order.
    function members() external view returns (MemberView[] memory list) {
        list = new MemberView[](_accounts.length);
        for (uint256 i = 0; i < _accounts.length; i++) {
            Entry storage e = _entries[_accounts[i]];
            list[i] = MemberView(_accounts[i], e.role, e.name, e.endpoint);
        }
    }

    /// @dev EIP-6372: timestamps, so governance periods are seconds.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @dev One vote per institution: a member cannot hand its vote to another member.
    function delegate(address) public pure override {
        revert VoteDelegationDisabled();
    }

    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) public pure override {
        revert VoteDelegationDisabled();
    }

    function _admit(address account, Role role, string calldata name, string calldata endpoint) private {
        if (account == address(0)) revert ZeroAddress();
        if (role == Role.None) revert InvalidRole(account);
        if (bytes(name).length == 0) revert EmptyName(account);
        if (bytes(name).length > MAX_NAME_BYTES) revert NameTooLong(account, bytes(name).length);
        if (bytes(endpoint).length > MAX_ENDPOINT_BYTES) revert EndpointTooLong(account, bytes(endpoint).length);
        if (_entries[account].role != Role.None) revert AlreadyRegistered(account);

        _entries[account] = Entry(role, name, endpoint);
        _accounts.push(account);
        _indexPlusOne[account] = _accounts.length;
        if (role == Role.Member) {
            _mint(account, _tokenId(account));
            _delegate(account, account);
        }
        emit MemberAdmitted(account, role, name, endpoint);
    }

    /// @dev Minting and burning only: a membership is not a tradable asset.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        address from = _ownerOf(tokenId);
        if (from != address(0) && to != address(0)) revert MembershipNotTransferable(tokenId);
        return super._update(to, tokenId, auth);
    }

    function _tokenId(address account) private pure returns (uint256) {
        return uint256(uint160(account));
    }
}
