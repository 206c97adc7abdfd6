import {
  type DivisionTemplate,
  departments,
  healthUnits,
  inspection,
  leadership,
  office,
  schools,
  serviceUnits,
} from './division-templates.ts';

// Codes and divisions of Quảng Trị's province-level agencies from 01/07/2025, keyed by the names
// in data-seed/standard/quang-tri-org.csv. Codes run from 110 in the order of that list, which
// gives Sở Tư pháp the code 112 it has in the province's own system. Departments, service units,
// hospitals and schools are representative, not a copy of the province's establishment list.
// They are weighted so that schools and hospitals hold most people, as in a real province.

export interface ProvinceAgencyDefinition {
  code: string;
  divisions: DivisionTemplate[];
}

const SCHOOL_PLACES = [
  'Chuyên Lê Quý Đôn',
  'Chuyên Võ Nguyên Giáp',
  'Đông Hà',
  'Lê Lợi',
  'Thị xã Quảng Trị',
  'Vĩnh Linh',
  'Cửa Tùng',
  'Gio Linh',
  'Cồn Tiên',
  'Cam Lộ',
  'Triệu Phong',
  'Hải Lăng',
  'Hướng Hóa',
  'Khe Sanh',
  'Lao Bảo',
  'Đakrông',
  'Đồng Hới',
  'Phan Đình Phùng',
  'Lệ Thủy',
  'Quảng Ninh',
  'Bố Trạch',
  'Hoàn Lão',
  'Quảng Trạch',
  'Ba Đồn',
  'Tuyên Hóa',
  'Minh Hóa',
];

// Areas of the former districts and towns; each keeps a regional health centre.
const HEALTH_AREAS = [
  'Đông Hà',
  'Quảng Trị',
  'Vĩnh Linh',
  'Gio Linh',
  'Cam Lộ',
  'Triệu Phong',
  'Hải Lăng',
  'Hướng Hóa',
  'Đakrông',
  'Đồng Hới',
  'Lệ Thủy',
  'Quảng Ninh',
  'Bố Trạch',
  'Quảng Trạch',
  'Ba Đồn',
  'Tuyên Hóa',
  'Minh Hóa',
];

export const PROVINCE_AGENCIES: Readonly<Record<string, ProvinceAgencyDefinition>> = {
  'Văn phòng Ủy ban nhân dân tỉnh': {
    code: '110',
    divisions: [
      leadership('Ban Lãnh đạo', 2),
      office('Phòng Hành chính - Tổ chức', 12),
      ...departments([
        'Phòng Tổng hợp',
        'Phòng Kinh tế',
        'Phòng Khoa giáo - Văn xã',
        'Phòng Nội chính',
        'Phòng Quản trị - Tài vụ',
      ]),
      ...serviceUnits([['Trung tâm Phục vụ hành chính công tỉnh', 25], 'Trung tâm Thông tin - Công báo']),
    ],
  },
  'Sở Nội vụ': {
    code: '111',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Tổ chức, biên chế và tổ chức phi chính phủ',
        'Phòng Công chức, viên chức',
        'Phòng Xây dựng chính quyền và công tác thanh niên',
        'Phòng Cải cách hành chính và văn thư, lưu trữ',
        'Phòng Lao động, tiền lương và bảo hiểm xã hội',
        'Phòng Người có công',
      ]),
      ...serviceUnits([
        'Ban Thi đua - Khen thưởng',
        ['Trung tâm Dịch vụ việc làm', 25],
        'Trung tâm Lưu trữ lịch sử',
      ]),
    ],
  },
  'Sở Tư pháp': {
    code: '112',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Kiểm soát thủ tục hành chính',
        'Phòng Hành chính tư pháp',
        'Phòng Bổ trợ tư pháp',
        'Phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật',
        'Phòng Phổ biến, giáo dục pháp luật',
      ]),
      ...serviceUnits([
        ['Trung tâm Trợ giúp pháp lý nhà nước', 18],
        ['Trung tâm Dịch vụ đấu giá tài sản', 8],
        ['Phòng Công chứng số 1', 6],
      ]),
    ],
  },
  'Sở Tài chính': {
    code: '113',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Quản lý ngân sách',
        'Phòng Quản lý giá và công sản',
        'Phòng Tài chính đầu tư',
        'Phòng Tổng hợp, quy hoạch',
        'Phòng Doanh nghiệp, kinh tế tập thể và tư nhân',
        'Phòng Đăng ký kinh doanh',
      ]),
      ...serviceUnits(['Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp']),
    ],
  },
  'Sở Công Thương': {
    code: '114',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Quản lý công nghiệp',
        'Phòng Quản lý thương mại',
        'Phòng Quản lý năng lượng',
        'Phòng Kỹ thuật an toàn - Môi trường',
      ]),
      ...serviceUnits([['Chi cục Quản lý thị trường', 60], 'Trung tâm Khuyến công và Xúc tiến thương mại']),
    ],
  },
  'Sở Nông nghiệp và Môi trường': {
    code: '115',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Kế hoạch - Tài chính',
        'Phòng Quản lý đất đai',
        'Phòng Tài nguyên nước, khoáng sản và biến đổi khí hậu',
        'Phòng Môi trường',
        'Phòng Kinh tế hợp tác và phát triển nông thôn',
      ]),
      ...serviceUnits([
        ['Chi cục Kiểm lâm', 120],
        ['Chi cục Trồng trọt và Bảo vệ thực vật', 30],
        ['Chi cục Chăn nuôi và Thú y', 30],
        ['Chi cục Thủy lợi', 20],
        ['Chi cục Thủy sản', 20],
        ['Văn phòng Đăng ký đất đai', 90],
        ['Trung tâm Khuyến nông', 30],
        ['Ban Quản lý rừng phòng hộ', 50],
        ['Trung tâm Quan trắc tài nguyên và môi trường', 20],
      ]),
    ],
  },
  'Sở Xây dựng': {
    code: '116',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Quản lý xây dựng',
        'Phòng Quy hoạch - Kiến trúc',
        'Phòng Phát triển đô thị và hạ tầng kỹ thuật',
        'Phòng Quản lý nhà và thị trường bất động sản',
        'Phòng Quản lý giao thông',
        'Phòng Quản lý vận tải, phương tiện và người lái',
      ]),
      ...serviceUnits(['Trung tâm Giám định chất lượng xây dựng', ['Ban Quản lý bảo trì đường bộ', 20]]),
    ],
  },
  'Sở Khoa học và Công nghệ': {
    code: '117',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Quản lý khoa học',
        'Phòng Chuyển đổi số',
        'Phòng Bưu chính, viễn thông và công nghệ thông tin',
        'Phòng Tiêu chuẩn đo lường chất lượng',
        'Phòng Quản lý công nghệ và đổi mới sáng tạo',
      ]),
      ...serviceUnits([
        ['Trung tâm Công nghệ thông tin và Truyền thông', 20],
        'Trung tâm Ứng dụng khoa học và công nghệ',
      ]),
    ],
  },
  'Sở Văn hóa, Thể thao và Du lịch': {
    code: '118',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Quản lý văn hóa và gia đình',
        'Phòng Quản lý thể dục thể thao',
        'Phòng Quản lý du lịch',
        'Phòng Quản lý báo chí, xuất bản',
      ]),
      ...serviceUnits([
        ['Bảo tàng tỉnh', 20],
        ['Thư viện tỉnh', 20],
        ['Trung tâm Huấn luyện và Thi đấu thể dục thể thao', 25],
        ['Trung tâm Văn hóa - Điện ảnh', 20],
        ['Nhà hát Nghệ thuật truyền thống', 25],
        ['Trung tâm Xúc tiến du lịch', 10],
      ]),
    ],
  },
  'Sở Giáo dục và Đào tạo': {
    code: '119',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Giáo dục mầm non',
        'Phòng Giáo dục phổ thông',
        'Phòng Giáo dục nghề nghiệp và giáo dục thường xuyên',
        'Phòng Quản lý chất lượng',
        'Phòng Tổ chức cán bộ',
        'Phòng Kế hoạch - Tài chính',
      ]),
      ...serviceUnits([
        ['Trung tâm Giáo dục thường xuyên tỉnh', 30],
        ['Trường Phổ thông Dân tộc nội trú tỉnh', 45],
      ]),
      ...schools(SCHOOL_PLACES.map((place) => `Trường THPT ${place}`)),
    ],
  },
  'Sở Y tế': {
    code: '120',
    divisions: [
      leadership(),
      office(),
      inspection(),
      ...departments([
        'Phòng Nghiệp vụ Y',
        'Phòng Nghiệp vụ Dược',
        'Phòng Kế hoạch - Tài chính',
        'Phòng Tổ chức cán bộ',
        'Phòng Bảo trợ xã hội, trẻ em và phòng, chống tệ nạn xã hội',
      ]),
      ...serviceUnits([
        ['Chi cục Dân số', 12],
        ['Chi cục An toàn vệ sinh thực phẩm', 12],
      ]),
      ...healthUnits([
        ['Bệnh viện Đa khoa tỉnh Quảng Trị', 420],
        ['Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới', 380],
        ['Bệnh viện Sản - Nhi', 160],
        ['Bệnh viện Y dược cổ truyền và Phục hồi chức năng', 80],
        ['Bệnh viện Tâm thần', 50],
        ['Bệnh viện Phổi', 50],
        ['Trung tâm Kiểm soát bệnh tật', 80],
        ['Trung tâm Kiểm nghiệm', 20],
        ['Trung tâm Pháp y', 12],
        ['Trung tâm Giám định y khoa', 10],
        ['Trung tâm Bảo trợ xã hội tổng hợp', 30],
        ...HEALTH_AREAS.map((area) => [`Trung tâm Y tế khu vực ${area}`, 110] as const),
      ]),
    ],
  },
  'Thanh tra tỉnh': {
    code: '121',
    divisions: [
      leadership('Ban Lãnh đạo'),
      office(),
      ...departments(
        [
          'Phòng Nghiệp vụ 1',
          'Phòng Nghiệp vụ 2',
          'Phòng Nghiệp vụ 3',
          'Phòng Nghiệp vụ 4',
          'Phòng Tiếp công dân và xử lý đơn thư',
          'Phòng Phòng, chống tham nhũng',
        ],
        10,
      ),
    ],
  },
  'Sở Ngoại vụ': {
    code: '122',
    divisions: [
      leadership(),
      office('Văn phòng', 8),
      inspection(3),
      ...departments(
        ['Phòng Lãnh sự và người Việt Nam ở nước ngoài', 'Phòng Hợp tác quốc tế', 'Phòng Quản lý biên giới'],
        5,
      ),
    ],
  },
  'Sở Dân tộc và Tôn giáo': {
    code: '123',
    divisions: [
      leadership(),
      office('Văn phòng', 8),
      inspection(3),
      ...departments(['Phòng Chính sách dân tộc', 'Phòng Quản lý tôn giáo', 'Phòng Kế hoạch - Tổng hợp'], 6),
    ],
  },
  'Ban Quản lý Khu kinh tế tỉnh Quảng Trị': {
    code: '124',
    divisions: [
      leadership('Ban Lãnh đạo'),
      office(),
      ...departments([
        'Phòng Quản lý đầu tư',
        'Phòng Quản lý quy hoạch và xây dựng',
        'Phòng Quản lý doanh nghiệp, lao động và môi trường',
      ]),
      ...serviceUnits([['Trung tâm Dịch vụ hỗ trợ đầu tư và phát triển hạ tầng', 25]]),
    ],
  },
  'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh': {
    code: '125',
    divisions: [
      leadership('Ban Lãnh đạo'),
      office('Phòng Hành chính, tổ chức và quản trị'),
      ...departments([
        'Phòng Công tác Quốc hội',
        'Phòng Công tác Hội đồng nhân dân',
        'Phòng Thông tin - Dân nguyện',
      ]),
    ],
  },
};
