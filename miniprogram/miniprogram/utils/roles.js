// Server role codes -> Chinese names shown to users.
const ROLE_NAMES = {
  RESIDENT: '居民',
  MEMBER: '党员',
  STAFF: '社区工作人员',
}

function roleName(code) {
  return ROLE_NAMES[code] || code
}

/** @param {string[]} roles */
function roleNames(roles) {
  return (roles || []).map(roleName)
}

module.exports = { ROLE_NAMES, roleName, roleNames }
