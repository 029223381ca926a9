// The app's own babel config, so the floor's code is compiled exactly as the app's is.
module.exports = require('../../../babel.config.js');
